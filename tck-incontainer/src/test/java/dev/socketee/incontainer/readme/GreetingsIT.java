package dev.socketee.incontainer.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.testing.SocketTestClient;
import java.io.File;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** README, "Testing your handlers inside the container": runs inside the server the profile chose. */
@ExtendWith(ArquillianExtension.class)
class GreetingsIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "greetings.war")
                .addClass(Greetings.class)
                .addAsLibraries(new File("target/deployment-libs").listFiles())   // socketee-api, socketee-impl
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void greetsAndTellsEveryone() {
        try (SocketTestClient client = SocketTestClient.connect("/greetings")) {
            assertEquals(List.of("hello ann"), client.emitWithAck("greet", "ann"));
            assertEquals(List.of("ann"), client.awaitEvent("greeted").args());
        }
    }
}

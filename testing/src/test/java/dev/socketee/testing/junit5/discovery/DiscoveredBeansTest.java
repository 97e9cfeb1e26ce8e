package dev.socketee.testing.junit5.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.SocketIo;
import dev.socketee.testing.SocketTestClient;
import dev.socketee.testing.junit5.SocketeeTest;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * @SocketeeTest without a bean list: the beans of the test class's package. One instance for the
 * class (PER_CLASS), so the application and the injected fields live across its tests; a nested
 * class shares its outer class's application.
 */
@SocketeeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveredBeansTest {

    @Inject
    CounterHandlers counter;
    @Inject
    SocketIo io;
    private SocketTestClient shared;

    @BeforeAll
    void connectOnce(SocketTestClient client) {
        shared = client;
        client.namespace("/counter").connect();
    }

    @Test
    void handlersOfThePackageAreFoundAndTheTestIsInjected(BeanManager beanManager) {
        assertNotNull(io);
        assertEquals(List.of(counter.count() + 1), shared.namespace("/counter").emitWithAck("count"));
        assertFalse(beanManager.getBeans(CounterHandlers.class).isEmpty());
        assertEquals("Invalid namespace", shared.namespace("/").connect().connectError().get("message"),
                "only the package's handlers: the kit's other test apps are not deployed here");
    }

    @Nested
    class Inner {
        @Test
        void sharesTheOuterApplication(SocketTestClient client, SocketIo innerIo) {
            assertTrue(client.namespace("/counter").connect().isConnected());
            assertEquals(io.socketIds("/counter", client.namespace("/counter").id()), innerIo.socketIds("/counter", client.namespace("/counter").id()));
            assertTrue(shared.isConnected("/counter"), "the class's client stays open across its tests");
        }
    }
}

package dev.socketee.incontainer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.incontainer.arquillian.DeploymentFailures;
import dev.socketee.incontainer.invalid.ConnectHandlerWithPayload;
import dev.socketee.incontainer.invalid.ConnectHandlerWithReturnValue;
import dev.socketee.incontainer.invalid.EmptyEventName;
import dev.socketee.incontainer.invalid.EventHandlerWithArguments;
import dev.socketee.incontainer.invalid.IfExistsHandler;
import dev.socketee.incontainer.invalid.InvalidNamespacePattern;
import dev.socketee.incontainer.invalid.NotABean;
import dev.socketee.incontainer.invalid.NamespaceWithoutSlash;
import dev.socketee.incontainer.invalid.ObservesSocket;
import dev.socketee.incontainer.invalid.PrivateHandler;
import dev.socketee.incontainer.invalid.ReservedEventName;
import dev.socketee.incontainer.invalid.ReturnValueAndAckCallback;
import dev.socketee.incontainer.invalid.TwoHandlersForOneEvent;
import dev.socketee.incontainer.invalid.WildcardNamespaceOnEvent;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad handler class of the single-rule tests in one WAR: Socketee reports every problem at
 * once, so the one failed deployment names every method. On Payara Micro, whose adapter boots a
 * server per deployment, this test stands for the single-rule ones (its profile runs only it).
 */
@ExtendWith(ArquillianExtension.class)
class AllInvalidHandlersIT {

    static final List<Class<?>> BAD = List.of(
                ConnectHandlerWithPayload.class,
                ConnectHandlerWithReturnValue.class,
                EmptyEventName.class,
                EventHandlerWithArguments.class,
                IfExistsHandler.class,
                InvalidNamespacePattern.class,
                NamespaceWithoutSlash.class,
                NotABean.class,
                ObservesSocket.class,
                PrivateHandler.class,
                ReservedEventName.class,
                ReturnValueAndAckCallback.class,
                TwoHandlersForOneEvent.class,
                WildcardNamespaceOnEvent.class);

    @Deployment(name = "AllInvalidHandlers", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-all", BAD.toArray(Class<?>[]::new));
    }

    @Test
    void theDeploymentFailsNamingEveryMethod() {
        String text = DeploymentFailures.text("AllInvalidHandlers");
        assertNotNull(text, "no failure recorded");
        for (Class<?> c : BAD) {
            assertTrue(text.contains(c.getName() + "#"), c.getName() + "# is not in what " + Deployments.server() + " reported:\n" + text);
        }
    }
}

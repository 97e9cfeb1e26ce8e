package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.EventHandlerWithArguments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a SocketEvent handler with a return value and argument parameters fails the deployment, naming the method. */
class EventHandlerWithArgumentsIT extends InvalidDeploymentTest {

    @Deployment(name = "EventHandlerWithArguments", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-EventHandlerWithArguments", EventHandlerWithArguments.class);
    }

    EventHandlerWithArgumentsIT() {
        super("EventHandlerWithArguments", "EventHandlerWithArguments#handle(SocketEvent, String)", "takes only Socket, Handshake");
    }
}

package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.EmptyEventName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: an empty event name fails the deployment, naming the method. */
class EmptyEventNameIT extends InvalidDeploymentTest {

    @Deployment(name = "EmptyEventName", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-EmptyEventName", EmptyEventName.class);
    }

    EmptyEventNameIT() {
        super("EmptyEventName", "EmptyEventName#handle(SocketEvent)", "needs an event name");
    }
}

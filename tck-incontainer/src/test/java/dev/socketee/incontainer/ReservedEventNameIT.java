package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.ReservedEventName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a reserved event name fails the deployment, naming the method. */
class ReservedEventNameIT extends InvalidDeploymentTest {

    @Deployment(name = "ReservedEventName", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-ReservedEventName", ReservedEventName.class);
    }

    ReservedEventNameIT() {
        super("ReservedEventName", "ReservedEventName#handle(SocketEvent)", "reserved");
    }
}

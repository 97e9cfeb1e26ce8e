package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.ObservesSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a handler observing Socket fails the deployment, naming the method. */
class ObservesSocketIT extends InvalidDeploymentTest {

    @Deployment(name = "ObservesSocket", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-ObservesSocket", ObservesSocket.class);
    }

    ObservesSocketIT() {
        super("ObservesSocket", "ObservesSocket#handle(Socket)", "take the Socket as a further parameter");
    }
}

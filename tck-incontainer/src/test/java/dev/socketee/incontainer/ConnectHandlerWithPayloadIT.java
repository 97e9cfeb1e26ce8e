package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.ConnectHandlerWithPayload;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a connect handler observing a payload type fails the deployment, naming the method. */
class ConnectHandlerWithPayloadIT extends InvalidDeploymentTest {

    @Deployment(name = "ConnectHandlerWithPayload", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-ConnectHandlerWithPayload", ConnectHandlerWithPayload.class);
    }

    ConnectHandlerWithPayloadIT() {
        super("ConnectHandlerWithPayload", "ConnectHandlerWithPayload#connected(String)", "observe SocketEvent");
    }
}

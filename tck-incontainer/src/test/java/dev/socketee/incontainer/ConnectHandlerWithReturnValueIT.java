package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.ConnectHandlerWithReturnValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a connect handler with a return value fails the deployment, naming the method. */
class ConnectHandlerWithReturnValueIT extends InvalidDeploymentTest {

    @Deployment(name = "ConnectHandlerWithReturnValue", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-ConnectHandlerWithReturnValue", ConnectHandlerWithReturnValue.class);
    }

    ConnectHandlerWithReturnValueIT() {
        super("ConnectHandlerWithReturnValue", "ConnectHandlerWithReturnValue#connected(SocketEvent)", "has no ack to answer");
    }
}

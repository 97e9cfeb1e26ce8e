package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.ReturnValueAndAckCallback;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a return value and an AckCallback fails the deployment, naming the method. */
class ReturnValueAndAckCallbackIT extends InvalidDeploymentTest {

    @Deployment(name = "ReturnValueAndAckCallback", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-ReturnValueAndAckCallback", ReturnValueAndAckCallback.class);
    }

    ReturnValueAndAckCallbackIT() {
        super("ReturnValueAndAckCallback", "ReturnValueAndAckCallback#save(String, AckCallback)", "cannot also take an AckCallback");
    }
}

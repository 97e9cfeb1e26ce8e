package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.PrivateHandler;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a private payload-typed handler fails the deployment, naming the method. */
class PrivateHandlerIT extends InvalidDeploymentTest {

    @Deployment(name = "PrivateHandler", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-PrivateHandler", PrivateHandler.class);
    }

    PrivateHandlerIT() {
        super("PrivateHandler", "PrivateHandler#echo(String)", "must not be private");
    }
}

package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.IfExistsHandler;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: notifyObserver = IF_EXISTS on a Socketee-called handler fails the deployment, naming the method. */
class IfExistsHandlerIT extends InvalidDeploymentTest {

    @Deployment(name = "IfExistsHandler", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-IfExistsHandler", IfExistsHandler.class);
    }

    IfExistsHandlerIT() {
        super("IfExistsHandler", "IfExistsHandler#echo(String)", "IF_EXISTS");
    }
}

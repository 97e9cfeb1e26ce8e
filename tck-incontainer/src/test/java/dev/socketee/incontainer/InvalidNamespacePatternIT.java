package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.InvalidNamespacePattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: an invalid namespace pattern fails the deployment, naming the method. */
class InvalidNamespacePatternIT extends InvalidDeploymentTest {

    @Deployment(name = "InvalidNamespacePattern", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-InvalidNamespacePattern", InvalidNamespacePattern.class);
    }

    InvalidNamespacePatternIT() {
        super("InvalidNamespacePattern", "InvalidNamespacePattern#handle(SocketEvent)", "not a valid regular expression");
    }
}

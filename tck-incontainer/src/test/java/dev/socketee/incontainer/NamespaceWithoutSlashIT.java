package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.NamespaceWithoutSlash;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: a namespace that does not start with / (or ^) fails the deployment, naming the method. */
class NamespaceWithoutSlashIT extends InvalidDeploymentTest {

    @Deployment(name = "NamespaceWithoutSlash", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-NamespaceWithoutSlash", NamespaceWithoutSlash.class);
    }

    NamespaceWithoutSlashIT() {
        super("NamespaceWithoutSlash", "NamespaceWithoutSlash#handle(SocketEvent)", "must start with '/'");
    }
}

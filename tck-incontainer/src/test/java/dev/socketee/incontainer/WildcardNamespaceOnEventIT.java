package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.WildcardNamespaceOnEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: namespace "*" on an event handler fails the deployment, naming the method. */
class WildcardNamespaceOnEventIT extends InvalidDeploymentTest {

    @Deployment(name = "WildcardNamespaceOnEvent", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-WildcardNamespaceOnEvent", WildcardNamespaceOnEvent.class);
    }

    WildcardNamespaceOnEventIT() {
        super("WildcardNamespaceOnEvent", "WildcardNamespaceOnEvent#handle(SocketEvent)", "namespace \"*\"");
    }
}

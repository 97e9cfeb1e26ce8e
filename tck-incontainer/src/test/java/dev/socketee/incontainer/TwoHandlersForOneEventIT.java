package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.TwoHandlersForOneEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** README's deployment checks: two handlers for one event fails the deployment, naming the method. */
class TwoHandlersForOneEventIT extends InvalidDeploymentTest {

    @Deployment(name = "TwoHandlersForOneEvent", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-TwoHandlersForOneEvent", TwoHandlersForOneEvent.class);
    }

    TwoHandlersForOneEventIT() {
        super("TwoHandlersForOneEvent", "TwoHandlersForOneEvent#first(SocketEvent)", "TwoHandlersForOneEvent#second(SocketEvent)", "only one may answer");
    }
}

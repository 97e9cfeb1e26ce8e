package dev.socketee.incontainer;

import dev.socketee.incontainer.invalid.NotABean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Handlers in a class that is no bean fail the deployment, naming the method. */
class NotABeanIT extends InvalidDeploymentTest {

    @Deployment(name = "NotABean", testable = false)
    @ShouldThrowException(Exception.class)
    static WebArchive deployment() {
        return Deployments.war("invalid-NotABean", NotABean.class);
    }

    NotABeanIT() {
        super("NotABean", "NotABean#echo(String)", "its class is not a bean");
    }
}

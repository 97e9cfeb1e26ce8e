package dev.socketee.incontainer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.incontainer.arquillian.DeploymentFailures;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One WAR with one bad handler class: the deployment must fail and what the server reports must
 * name the method. Every adapter reports a failed deployment as Arquillian's
 * {@code DeploymentException}, but {@code @ShouldThrowException} looks past it to its cause when it
 * has one (Open Liberty's: the server's state exception; WildFly's and the embedded default's: none),
 * so the subclasses expect any {@code Exception} and this test checks the {@code DeploymentException}
 * and its text itself ({@link DeploymentFailures}).
 */
@ExtendWith(ArquillianExtension.class)
abstract class InvalidDeploymentTest {

    private final String deployment;
    private final List<String> expected;

    InvalidDeploymentTest(String deployment, String... expected) {
        this.deployment = deployment;
        this.expected = List.of(expected);
    }

    @Test
    void theDeploymentFailsNamingTheMethod() {
        String text = DeploymentFailures.text(deployment);
        assertNotNull(text, "no failure recorded for " + deployment);
        assertTrue(text.contains(DeploymentException.class.getName()), text);
        for (String e : expected) {
            assertTrue(text.contains(e), "'" + e + "' is not in what " + Deployments.server() + " reported:\n" + text);
        }
    }
}

package dev.socketee.incontainer.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The test suite's Arquillian extension: the embedded default container (only when no server
 * profile chose another: {@code -Darquillian.launch}), and {@link DeploymentFailures}.
 */
public final class SocketeeArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        String server = System.getProperty("arquillian.launch", "embedded");
        if ("embedded".equals(server)) {
            builder.service(DeployableContainer.class, EmbeddedDefaultContainer.class);
        } else {
            ServerSetup.prepare(server);
        }
        builder.observer(DeploymentFailures.class);
    }
}

package dev.socketee.incontainer.arquillian;

import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** Nothing to configure: every deployment gets its own server on a free loopback port. */
public final class EmbeddedDefaultConfiguration implements ContainerConfiguration {

    @Override
    public void validate() {
    }
}

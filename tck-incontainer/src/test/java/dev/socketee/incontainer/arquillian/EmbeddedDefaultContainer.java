package dev.socketee.incontainer.arquillian;

import dev.socketee.embedded.Options;
import dev.socketee.embedded.SocketeeRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The embedded default server (socketee-run.jar's {@link SocketeeRun#start}) as an Arquillian
 * container: each deployment is exported to a WAR file and started exactly as
 * {@code java -jar socketee-run.jar app.war --port 0 --context /name} would (Jetty 12 ee10 + Weld
 * + Yasson + SmallRye Config, in this JVM), so the in-container tests run on the runner users run.
 */
public final class EmbeddedDefaultContainer implements DeployableContainer<EmbeddedDefaultConfiguration> {

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(Server server, Path war) {
    }

    @Override
    public Class<EmbeddedDefaultConfiguration> getConfigurationClass() {
        return EmbeddedDefaultConfiguration.class;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String context = "/" + archive.getName().replaceFirst("\\.war$", "");
        try {
            Path war = Files.createTempFile("socketee-it-", ".war");
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            Server server = SocketeeRun.start(new Options(war, "127.0.0.1", 0, context, -1, null, null, false));
            running.put(archive.getName(), new Running(server, war));
            WebAppContext app = (WebAppContext) server.getHandler();
            if (!app.isAvailable()) {
                throw new IllegalStateException("The application " + context + " did not start", app.getUnavailableException());
            }
            HTTPContext http = new HTTPContext("127.0.0.1", ((ServerConnector) server.getConnectors()[0]).getLocalPort());
            for (ServletHolder s : app.getServletHandler().getServlets()) {
                http.add(new Servlet(s.getName(), context));
            }
            return new ProtocolMetaData().addContext(http);
        } catch (Exception e) {
            stop(archive.getName());
            // no cause: Arquillian's @ShouldThrowException looks past a DeploymentException's cause, and the
            // servers' adapters report a failed deployment as a DeploymentException with the server's text
            DeploymentException failure = new DeploymentException("Deployment of " + archive.getName() + " failed: " + e);
            failure.addSuppressed(e);
            throw failure;
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        stop(archive.getName());
    }

    private void stop(String name) {
        Running r = running.remove(name);
        if (r == null) {
            return;
        }
        try {
            r.server().stop();
            Files.deleteIfExists(r.war());
        } catch (Exception e) {
            throw new IllegalStateException("Stopping " + name + " failed", e);
        }
    }
}

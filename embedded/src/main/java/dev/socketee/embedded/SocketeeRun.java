package dev.socketee.embedded;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The embedded default: runs a WAR the way an EE web profile server would, with what the WAR
 * expects the server to provide (CDI by Weld, with injection into servlets, filters and
 * listeners; JSON-B by Yasson, MicroProfile Config by SmallRye, Jakarta WebSocket and Servlet 6
 * by Jetty 12). The WAR's own initializers (Socketee's among them) and {@code @WebServlet}s are
 * found by annotation scanning, as on any server. HTTP, HTTPS or both ({@link Options}).
 *
 * <pre>
 *   java -jar socketee-run.jar [app.war] [--port 8080] [--host 127.0.0.1] [--context /]
 *        [--self-signed | --keystore FILE --keystore-password P] [--https-port 8443] [--no-http]
 * </pre>
 */
public final class SocketeeRun {

    private static final Logger LOG = Logger.getLogger(SocketeeRun.class.getName());

    private SocketeeRun() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        Server server;
        long start = System.nanoTime();
        try {
            o = Options.parse(args);
            server = start(o);
        } catch (CommandLineException e) { // a wrong command line, WAR path or key store: no stack trace
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Socketee is serving " + o.war().getFileName() + " at " + String.join(" and ", urls(server, o))
                + " (started in " + ms + " ms; Ctrl-C to stop)");
        server.join();
    }

    /** Starts the server; stopped by {@code server.stop()} or at JVM shutdown (Ctrl-C). */
    public static Server start(Options o) throws Exception {
        if (!Files.exists(o.war())) {
            throw new CommandLineException("No WAR at " + o.war().toAbsolutePath()
                    + " (build it first: mvn -B -q install -DskipTests)");
        }
        Server server = new Server();
        if (o.http()) {
            server.addConnector(Connectors.http(server, o));
        }
        if (o.tls()) {
            ServerCertificate cert = o.selfSigned()
                    ? SelfSignedCertificate.generate(o.host())
                    : ServerCertificate.load(o.keystore(), o.keystorePassword(), null);
            System.out.println("HTTPS certificate: " + cert.describe());
            server.addConnector(Connectors.https(server, o, cert));
        }

        WebAppContext app = new WebAppContext();
        app.setContextPath(o.context());
        app.setWar(o.war().toAbsolutePath().toString());
        app.addConfiguration(new AnnotationConfiguration()); // @WebServlet, and initializers in WEB-INF/lib
        app.setThrowUnavailableOnStartupException(true);
        // Weld's and Jakarta WebSocket's initializers are on the server class path: the annotation
        // configuration finds them there, as it finds the WAR's own (adding them here too would boot CDI twice)
        CdiInjection.enable(app);
        JettyCoreWebSocket.configure(app); // the websocket on Jetty's core; -Dsocketee.websocket-transport=jakarta: the portable endpoint
        server.setHandler(app);
        server.setStopAtShutdown(true);
        server.setStopTimeout(5_000);
        server.start();
        LOG.fine(() -> "Started " + o);
        return server;
    }

    /** The base URLs served, HTTP first, with the ports actually bound. */
    static List<String> urls(Server server, Options o) {
        String path = o.context().equals("/") ? "/" : o.context() + "/";
        String host = o.host().contains(":") && !o.host().startsWith("[") ? "[" + o.host() + "]" : o.host();
        List<String> urls = new ArrayList<>();
        for (Connector c : server.getConnectors()) {
            String scheme = c.getConnectionFactory(SslConnectionFactory.class) != null ? "https" : "http";
            urls.add(scheme + "://" + host + ":" + ((ServerConnector) c).getLocalPort() + path);
        }
        return urls;
    }
}

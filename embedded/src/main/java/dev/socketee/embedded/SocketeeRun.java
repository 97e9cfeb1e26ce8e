package dev.socketee.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The embedded default: runs a WAR the way an EE web profile server would, with what the WAR
 * expects the server to provide (CDI by Weld, JSON-B by Yasson, MicroProfile Config by SmallRye,
 * Jakarta WebSocket and Servlet 6 by Jetty 12). The WAR's own initializers (Socketee's among
 * them) and {@code @WebServlet}s are found by annotation scanning, as on any server.
 *
 * <pre>
 *   java -jar socketee-run.jar [app.war] [--port 8080] [--host 127.0.0.1] [--context /]
 * </pre>
 */
public final class SocketeeRun {

    private static final Logger LOG = Logger.getLogger(SocketeeRun.class.getName());

    private SocketeeRun() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        long start = System.nanoTime();
        Server server = start(o);
        long ms = (System.nanoTime() - start) / 1_000_000;
        String url = "http://" + o.host() + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + (o.context().equals("/") ? "/" : o.context() + "/");
        System.out.println("Socketee is serving " + o.war().getFileName() + " at " + url + " (started in " + ms + " ms; Ctrl-C to stop)");
        server.join();
    }

    /** Starts the server; stopped by {@code server.stop()} or at JVM shutdown (Ctrl-C). */
    public static Server start(Options o) throws Exception {
        if (!Files.exists(o.war())) {
            throw new IllegalArgumentException("No WAR at " + o.war().toAbsolutePath()
                    + " (build it first: mvn -B -q install -DskipTests)");
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(o.host());
        connector.setPort(o.port());
        connector.setAcceptQueueSize(1024); // bursts of connecting clients (the default backlog is 50)
        // Jetty's per-connection header field cache (default 1024) is two ~49 KB char[] tries on
        // every keep-alive HTTP connection, i.e. ~100 KB for each idle long-polling client against
        // ~8 KB for all the rest; it only saves re-allocating repeated header values
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setHeaderCacheSize(0);
        server.addConnector(connector);

        WebAppContext app = new WebAppContext();
        app.setContextPath(o.context());
        app.setWar(o.war().toAbsolutePath().toString());
        app.addConfiguration(new AnnotationConfiguration()); // @WebServlet, and initializers in WEB-INF/lib
        app.setThrowUnavailableOnStartupException(true);
        // Weld's and Jakarta WebSocket's initializers are on the server class path: the annotation
        // configuration finds them there, as it finds the WAR's own (adding them here too would boot CDI twice)
        server.setHandler(app);
        server.setStopAtShutdown(true);
        server.setStopTimeout(5_000);
        server.start();
        LOG.fine(() -> "Started " + o);
        return server;
    }

    /** Command-line options. */
    public record Options(Path war, String host, int port, String context) {

        static Options parse(String[] args) {
            Path war = Path.of("examples-war/target/socketee-examples.war");
            String host = "127.0.0.1";
            int port = Integer.parseInt(System.getProperty("socketee.port", "8080"));
            String context = "/";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--host" -> host = args[++i];
                    case "--context" -> context = args[++i];
                    case "-h", "--help" -> {
                        System.out.println("usage: java -jar socketee-run.jar [app.war] [--port 8080] [--host 127.0.0.1] [--context /]");
                        System.exit(0);
                    }
                    default -> war = Path.of(args[i]);
                }
            }
            return new Options(war, host, port, context);
        }
    }
}

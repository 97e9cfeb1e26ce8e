package dev.socketee.tck.app;

import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import jakarta.servlet.ServletContext;
import java.time.Duration;

/**
 * The app {@code ../shared/bench} expects: on {@code /}, {@code echo} acks with its arguments and
 * {@code broadcast} re-emits its payload to every other socket. Library default ping settings.
 * With {@code -Dsocketee.adapter=redis} (and the socketee-redis jar on the class path) it is one
 * node of a cluster.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static EmbeddedJetty start(String host, int port) {
        return EmbeddedJetty.start(host, port, BenchServer::setUp);
    }

    private static void setUp(ServletContext context) {
        // -Dsocketee.allow-eio3=true: Engine.IO v3 clients too (bench run.sh targets with :eio3)
        SioServer io = new SioServer(EngineIoOptions.builder().path("/socket.io").allowEio3(Boolean.getBoolean("socketee.allow-eio3")).build(),
                Duration.ofSeconds(45));
        // -Dsocketee.adapter=redis -Dsocketee.redis.uri=...: the same app as a cluster node (bench cluster runs)
        io.adapterFactory(dev.socketee.impl.sio.AdapterFactories.byName(System.getProperty("socketee.adapter"), System::getProperty,
                BenchServer.class.getClassLoader()));
        if ("on".equals(System.getProperty("socketee.metrics"))) { // what counting costs (README, "Operations: health and metrics")
            io.metrics(new dev.socketee.impl.metrics.Counters());
        }
        io.namespace("/", new NamespaceHandlers()
                .on("echo", (socket, event, args, ack) -> {
                    if (ack != null) {
                        ack.send(args);
                    }
                })
                .on("broadcast", (socket, event, args, ack) -> socket.broadcast().emit("broadcast", args)));
        io.attach(context);
    }
}

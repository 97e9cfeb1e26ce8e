package dev.socketee.impl.cdi;

import dev.socketee.engine.EngineIoOptions;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of the CDI-managed server. Each key is read from MicroProfile Config when the
 * server has it, else from a servlet context init parameter of the same name, else the default:
 * <pre>
 *   socketee.path                  /socket.io
 *   socketee.ping-interval         25000   (ms)
 *   socketee.ping-timeout          20000   (ms)
 *   socketee.max-payload           1000000 (bytes)
 *   socketee.connect-timeout       45000   (ms)
 *   socketee.allowed-origins       (empty: same origin only)   comma-separated origins, or *
 *   socketee.transports            polling,websocket
 *   socketee.max-buffered-bytes    4194304 (bytes; or 2 x max-payload when larger)
 *   socketee.close-timeout         30000   (ms a closing WebSocket has before its connection is torn down)
 *   socketee.per-message-deflate   false   (compress WebSocket messages for clients that offer it)
 *   socketee.async-threads         4       (threads for @ObservesAsync handlers without a managed executor)
 *   socketee.cookie                (none)  name of a cookie set to the session id on the polling handshake
 *   socketee.max-namespaces-per-connection  100  namespaces one connection may be on at once
 *   socketee.async-in-flight-per-connection 2    @ObservesAsync handlers of one connection in the executor at once
 *   socketee.async-queue-per-connection     64   more of them waiting, in order; beyond: a "server busy" ack
 *   socketee.adapter               memory  memory, or the name of an adapter module on the class path (redis)
 *   socketee.recovery.max-disconnection-duration (unset: off)  ms a client may be gone and recover its state
 *   socketee.recovery.skip-middlewares   true    a recovered socket is admitted without its connect handlers
 *   socketee.recovery.max-sessions       100000  sessions of disconnected sockets kept per namespace
 *   socketee.recovery.max-packets        10000   packets kept per namespace for the clients that are away
 *   socketee.recovery.max-bytes          16777216 bytes those packets may take per namespace
 *   socketee.allow-eio3            false   also serve Engine.IO v3 / Socket.IO protocol v4 clients (socket.io-client 2.x)
 *   socketee.metrics               auto    count metrics: auto (when a registry binder or metrics-path is there), on, off
 *   socketee.metrics-path          (none)  serve Prometheus text here, e.g. /metrics (OperationsServlet)
 *   socketee.health-path           (none)  serve health JSON here (and /ready, /live under it), e.g. /health
 *   socketee.websocket-transport   jakarta  jakarta (portable), or jetty-core on Jetty 12 (the embedded runners' default)
 * </pre>
 */
record SocketeeConfig(EngineIoOptions engine, Duration connectTimeout, int asyncThreads, int maxNamespacesPerConnection,
                      int asyncInFlightPerConnection, int asyncQueuePerConnection, String adapter,
                      Function<String, String> raw, dev.socketee.adapter.RecoveryOptions recovery) {

    static SocketeeConfig load(ServletContext context) {
        return load(context::getInitParameter);
    }

    /** Without a servlet context (websocket-only, Java SE): {@code settings} instead of the init parameters. */
    static SocketeeConfig load(Function<String, String> settings) {
        Function<String, Optional<String>> source = sourceFor(settings);
        EngineIoOptions.Builder b = EngineIoOptions.builder()
                .path(source.apply("socketee.path").orElse("/socket.io"))
                .pingInterval(Duration.ofMillis(number(source, "socketee.ping-interval", 25_000)))
                .pingTimeout(Duration.ofMillis(number(source, "socketee.ping-timeout", 20_000)))
                .maxPayload((int) number(source, "socketee.max-payload", 1_000_000))
                .closeTimeout(Duration.ofMillis(number(source, "socketee.close-timeout", 30_000)))
                .perMessageDeflate(perMessageDeflate(source))
                .allowEio3(Boolean.parseBoolean(source.apply("socketee.allow-eio3").orElse("false").trim()));
        if (source.apply("socketee.max-buffered-bytes").isPresent()) {
            b.maxBufferedBytes(number(source, "socketee.max-buffered-bytes", 0));
        }
        source.apply("socketee.cookie").ifPresent(b::cookie);
        source.apply("socketee.allowed-origins").ifPresent(v -> b.allowedOrigins(list(v)));
        source.apply("socketee.transports").ifPresent(v -> b.transports(new LinkedHashSet<>(list(v))));
        return new SocketeeConfig(b.build(),
                Duration.ofMillis(number(source, "socketee.connect-timeout", 45_000)),
                (int) number(source, "socketee.async-threads", 4),
                (int) number(source, "socketee.max-namespaces-per-connection", dev.socketee.impl.sio.SioServer.DEFAULT_MAX_NAMESPACES_PER_CONNECTION),
                (int) number(source, "socketee.async-in-flight-per-connection", 2),
                (int) number(source, "socketee.async-queue-per-connection", 64),
                source.apply("socketee.adapter").orElse("memory").trim(),
                key -> source.apply(key).orElse(null),
                recovery(source));
    }

    /** Off unless the window is set (node: off unless {@code connectionStateRecovery} is given). */
    private static dev.socketee.adapter.RecoveryOptions recovery(Function<String, Optional<String>> source) {
        if (source.apply("socketee.recovery.max-disconnection-duration").isEmpty()) {
            return null;
        }
        return new dev.socketee.adapter.RecoveryOptions(
                Duration.ofMillis(number(source, "socketee.recovery.max-disconnection-duration", 0)),
                Boolean.parseBoolean(source.apply("socketee.recovery.skip-middlewares").orElse("true").trim()),
                (int) number(source, "socketee.recovery.max-sessions", dev.socketee.adapter.RecoveryOptions.DEFAULT_MAX_SESSIONS),
                (int) number(source, "socketee.recovery.max-packets", dev.socketee.adapter.RecoveryOptions.DEFAULT_MAX_PACKETS),
                number(source, "socketee.recovery.max-bytes", dev.socketee.adapter.RecoveryOptions.DEFAULT_MAX_BYTES));
    }

    /** Read before CDI is up too: the WebSocket endpoint is registered while the application deploys. */
    static boolean perMessageDeflate(ServletContext context) {
        return perMessageDeflate(sourceFor(context::getInitParameter));
    }

    private static boolean perMessageDeflate(Function<String, Optional<String>> source) {
        return Boolean.parseBoolean(source.apply("socketee.per-message-deflate").orElse("false").trim());
    }

    /** One setting, read before CDI is up (the operations endpoints' paths), or null. */
    static String setting(ServletContext context, String key) {
        return sourceFor(context::getInitParameter).apply(key).map(String::trim).orElse(null);
    }

    /** Only the path is needed before CDI is up (the servlet mapping). */
    static String path(ServletContext context) {
        return EngineIoOptions.builder().path(sourceFor(context::getInitParameter).apply("socketee.path").orElse("/socket.io")).build().path();
    }

    private static Function<String, Optional<String>> sourceFor(Function<String, String> fallback) {
        Function<String, Optional<String>> mp = MicroProfileConfigSource.tryCreate();
        return key -> {
            Optional<String> v = mp == null ? Optional.empty() : mp.apply(key);
            return v.isPresent() ? v : Optional.ofNullable(fallback.apply(key)).filter(s -> !s.isBlank());
        };
    }

    private static long number(Function<String, Optional<String>> source, String key, long def) {
        Optional<String> v = source.apply(key);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration " + key + " must be a number: " + v.get(), e);
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

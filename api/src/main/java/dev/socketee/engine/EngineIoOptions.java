package dev.socketee.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of an Engine.IO server; defaults are node engine.io's. Immutable; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * EngineIoOptions options = EngineIoOptions.builder()
 *         .path("/engine.io")
 *         .pingInterval(Duration.ofSeconds(25))
 *         .pingTimeout(Duration.ofSeconds(20))
 *         .maxPayload(1_000_000)
 *         .allowedOrigins(List.of("https://example.com"))
 *         .build();
 * }</pre>
 */
public final class EngineIoOptions {

    /** Transport names. */
    public static final String POLLING = "polling";
    public static final String WEBSOCKET = "websocket";
    /** The default of {@link #maxBufferedBytes()} when twice {@link #maxPayload()} is smaller. */
    public static final long DEFAULT_MAX_BUFFERED_BYTES = 4L * 1024 * 1024;
    /** What a packet costs beyond its payload in {@link #maxBufferedBytes()}: its own objects. */
    public static final int PACKET_OVERHEAD_BYTES = 64;

    private final String path;
    private final Duration pingInterval;
    private final Duration pingTimeout;
    private final Duration upgradeTimeout;
    private final int maxPayload;
    private final long maxBufferedBytes;
    private final Duration closeTimeout;
    private final Set<String> transports;
    private final List<String> allowedOrigins;
    private final boolean allowUpgrades;
    private final boolean perMessageDeflate;
    private final String cookie;
    private final boolean allowEio3;

    private EngineIoOptions(Builder b) {
        this.path = normalizePath(b.path);
        this.pingInterval = b.pingInterval;
        this.pingTimeout = b.pingTimeout;
        this.upgradeTimeout = b.upgradeTimeout;
        this.maxPayload = b.maxPayload;
        this.maxBufferedBytes = b.maxBufferedBytes > 0 ? b.maxBufferedBytes : Math.max(DEFAULT_MAX_BUFFERED_BYTES, 2L * b.maxPayload);
        this.closeTimeout = b.closeTimeout;
        this.transports = Set.copyOf(b.transports);
        this.allowedOrigins = List.copyOf(b.allowedOrigins);
        this.allowUpgrades = b.allowUpgrades;
        this.perMessageDeflate = b.perMessageDeflate;
        this.cookie = b.cookie;
        this.allowEio3 = b.allowEio3;
        if (cookie != null && !cookie.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("cookie name must be a token: " + cookie);
        }
        if (transports.isEmpty() || !Set.of(POLLING, WEBSOCKET).containsAll(transports)) {
            throw new IllegalArgumentException("transports must be a non-empty subset of [polling, websocket]: " + transports);
        }
        if (maxPayload < 16) {
            throw new IllegalArgumentException("maxPayload too small: " + maxPayload);
        }
    }

    private static String normalizePath(String p) {
        Objects.requireNonNull(p, "path");
        String s = p.startsWith("/") ? p : "/" + p;
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.equals("/") || s.contains("*")) {
            throw new IllegalArgumentException("path must name a folder such as /engine.io: " + p);
        }
        return s;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Path below the context path, without trailing slash, e.g. {@code /socket.io}. */
    public String path() { return path; }
    public Duration pingInterval() { return pingInterval; }
    public Duration pingTimeout() { return pingTimeout; }
    /** How long a websocket probe may take before the upgrade is abandoned. */
    public Duration upgradeTimeout() { return upgradeTimeout; }
    /** Largest message (and polling POST body) accepted, in bytes. */
    public int maxPayload() { return maxPayload; }
    /**
     * Outbound bytes a session may have waiting before it is closed as too slow ("transport
     * error"): every packet not yet written out to the client counts (the session's buffer, the
     * batch its transport is writing, control packets such as a probe answer), each as its
     * payload length plus {@value #PACKET_OVERHEAD_BYTES} bytes for the packet itself, so a flood
     * of tiny packets is bounded too. A single packet larger than the bound is still sent when
     * nothing else waits, so one big message to a reading client is never refused.
     *
     * <p>Default: {@value #DEFAULT_MAX_BUFFERED_BYTES} bytes (4 MiB), or twice {@link #maxPayload()}
     * when that is larger: room for one message of the largest size the server accepts being
     * written while the next one waits, without letting a client that stops reading hold more
     * than a few megabytes of the heap.
     */
    public long maxBufferedBytes() { return maxBufferedBytes; }
    /**
     * How long a closing WebSocket may take to complete the closing handshake before its TCP
     * connection is torn down (RFC 6455 section 7.1.1; node's {@code ws} waits 30 s). Bounds what
     * a client that stops reading can hold: its close frame waits behind writes that never
     * complete. Default 30 s.
     */
    public Duration closeTimeout() { return closeTimeout; }
    public Set<String> transports() { return transports; }
    /**
     * Browser origins allowed besides the server's own, on both transports. Empty (the default):
     * same-origin only, i.e. the request's own {@code scheme://host[:port]} (or the one named by
     * {@code X-Forwarded-Proto} / {@code X-Forwarded-Host}); requests without {@code Origin}
     * (non-browser clients) are always allowed. Each entry is an exact origin such as
     * {@code https://app.example.com} (default ports may be left out), which is also allowed
     * credentials ({@code Access-Control-Allow-Credentials: true}, cookies, the user); or
     * {@code *}, any origin but without credentials (the session sees no cookies, principal or
     * HTTP session). Other origins get {@code 403 {"code":4,"message":"Forbidden"}}, the
     * WebSocket upgrade included.
     */
    public List<String> allowedOrigins() { return allowedOrigins; }
    public boolean allowUpgrades() { return allowUpgrades; }
    /**
     * Whether a WebSocket client that offers {@code permessage-deflate} gets its messages
     * compressed. Off by default, as node's engine.io {@code perMessageDeflate}: compressing
     * every frame costs CPU on both sides and adds latency, which Socket.IO's small, frequent
     * packets rarely repay.
     */
    public boolean perMessageDeflate() { return perMessageDeflate; }
    /**
     * Name of the cookie that carries the session id on the handshake response (for sticky load
     * balancing, node's {@code cookie} option), or null for none (the default).
     */
    public String cookie() { return cookie; }
    /**
     * Whether clients that speak Engine.IO v3 / Socket.IO protocol v4 (socket.io-client 2.x,
     * io.socket:socket.io-client 1.x) are served (node's {@code allowEIO3}). Off by default, as in
     * node: they then get {@code 400 {"code":5,"message":"Unsupported protocol version"}}. With it
     * on, a request without {@code EIO} is taken as v3, as node does.
     */
    public boolean allowEio3() { return allowEio3; }

    /** Builder; every setter returns this. */
    public static final class Builder {
        private String path = "/engine.io";
        private Duration pingInterval = Duration.ofSeconds(25);
        private Duration pingTimeout = Duration.ofSeconds(20);
        private Duration upgradeTimeout = Duration.ofSeconds(10);
        private int maxPayload = 1_000_000;
        private long maxBufferedBytes;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Set<String> transports = Set.of(POLLING, WEBSOCKET);
        private List<String> allowedOrigins = List.of();
        private boolean allowUpgrades = true;
        private boolean perMessageDeflate;
        private String cookie;
        private boolean allowEio3;

        private Builder() {
        }

        public Builder path(String path) { this.path = path; return this; }
        public Builder pingInterval(Duration d) { this.pingInterval = positive(d, "pingInterval"); return this; }
        public Builder pingTimeout(Duration d) { this.pingTimeout = positive(d, "pingTimeout"); return this; }
        public Builder upgradeTimeout(Duration d) { this.upgradeTimeout = positive(d, "upgradeTimeout"); return this; }
        public Builder maxPayload(int bytes) { this.maxPayload = bytes; return this; }
        public Builder maxBufferedBytes(long bytes) { if (bytes < 1) throw new IllegalArgumentException("maxBufferedBytes < 1"); this.maxBufferedBytes = bytes; return this; }
        public Builder closeTimeout(Duration d) { this.closeTimeout = positive(d, "closeTimeout"); return this; }
        public Builder transports(Set<String> t) { this.transports = Set.copyOf(t); return this; }
        public Builder allowedOrigins(List<String> origins) { this.allowedOrigins = List.copyOf(origins); return this; }
        public Builder allowUpgrades(boolean allow) { this.allowUpgrades = allow; return this; }
        public Builder perMessageDeflate(boolean compress) { this.perMessageDeflate = compress; return this; }
        public Builder cookie(String name) { this.cookie = name == null || name.isBlank() ? null : name; return this; }

        public Builder allowEio3(boolean allow) { this.allowEio3 = allow; return this; }

        public EngineIoOptions build() {
            return new EngineIoOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}

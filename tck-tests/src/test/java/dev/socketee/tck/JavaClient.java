package dev.socketee.tck;

import static org.junit.jupiter.api.Assertions.fail;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Socket.IO socket of the official Java client io.socket:socket.io-client 2.1.2 whose events are queued,
 * so tests can await them with a bounded wait.
 */
public final class JavaClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(5);
    /** The events recorded for every socket. */
    public static final List<String> EVENTS = List.of(Socket.EVENT_CONNECT, Socket.EVENT_CONNECT_ERROR,
            Socket.EVENT_DISCONNECT, "auth", "message-back", "ack-request", "ack-result");

    public final Socket socket;
    private final Map<String, BlockingQueue<Object[]>> queues = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public JavaClient(Socket socket) {
        this.socket = socket;
        for (String e : EVENTS) {
            queues.put(e, new LinkedBlockingQueue<>());
            socket.on(e, args -> {
                log.add(e + Arrays.deepToString(args));
                queues.get(e).add(args);
            });
        }
    }

    public static IO.Options options(String[] transports, Map<String, String> auth) {
        var b = IO.Options.builder().setForceNew(true).setReconnection(false).setTimeout(5000);
        if (transports != null) b.setTransports(transports);
        if (auth != null) b.setAuth(auth);
        return b.build();
    }

    /** A socket on its own new Manager (forceNew), not yet connected. */
    public static JavaClient create(String namespace, String[] transports, Map<String, String> auth) {
        return new JavaClient(IO.socket(URI.create(TestServer.baseUrl() + namespace), options(transports, auth)));
    }

    /** A new Manager, to open several namespaces on one Engine.IO session. */
    public static Manager manager(String[] transports) {
        return new Manager(URI.create(TestServer.baseUrl()), options(transports, null));
    }

    public JavaClient connect() {
        socket.connect();
        await(Socket.EVENT_CONNECT);
        return this;
    }

    /** The arguments of the next occurrence of the event, or fails after 5 s. */
    public Object[] await(String event) {
        return await(event, WAIT);
    }

    public Object[] await(String event, Duration timeout) {
        try {
            Object[] args = queues.get(event).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (args == null) fail("no '" + event + "' event within " + timeout + "; events so far: " + log);
            return args;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts no further occurrence of the event within the duration (an observation window, not a wait). */
    public void assertNone(String event, Duration window) {
        try {
            Object[] args = queues.get(event).poll(window.toMillis(), TimeUnit.MILLISECONDS);
            if (args != null) fail("unexpected '" + event + "' " + Arrays.deepToString(args) + "; events: " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    /** The Engine.IO session id of the socket's Manager (read reflectively: the client does not expose it). */
    public static String engineId(Manager m) {
        try {
            var f = Manager.class.getDeclaredField("engine");
            f.setAccessible(true);
            Object engine = f.get(m);
            return (String) engine.getClass().getMethod("id").invoke(engine);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read the Manager's engine id", e);
        }
    }

    /** A JSONObject from key/value pairs (org.json 20090211 declares checked exceptions). */
    public static org.json.JSONObject json(Object... kv) {
        try {
            org.json.JSONObject o = new org.json.JSONObject();
            for (int i = 0; i < kv.length; i += 2) o.put((String) kv[i], kv[i + 1]);
            return o;
        } catch (org.json.JSONException e) {
            throw new AssertionError(e);
        }
    }

    /** A value of a received JSONObject. */
    public static Object get(Object jsonObject, String key) {
        try {
            return ((org.json.JSONObject) jsonObject).get(key);
        } catch (org.json.JSONException e) {
            throw new AssertionError("no '" + key + "' in " + jsonObject, e);
        }
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.off();
    }

    public static final String[] WEBSOCKET = {io.socket.engineio.client.transports.WebSocket.NAME};
    public static final String[] POLLING = {io.socket.engineio.client.transports.Polling.NAME};
    /** The client's default: polling, then upgrade to websocket. */
    public static final String[] DEFAULT = null;

    /**
     * The parameter sets ({@code name, String[] transports}) the server under test serves: on a
     * websocket-only server ({@link TestServer#isTyrus}) only those with {@link #WEBSOCKET}.
     */
    public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> served(
            java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> sets) {
        return TestServer.isTyrus() ? sets.filter(a -> a.get()[1] == WEBSOCKET) : sets;
    }
}

package dev.socketee.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One namespace of a {@link SocketTestClient}: Flask-SocketIO's {@code namespace=} argument as
 * an object. Connect it, emit on it, drain or await what the server emitted on it. Every wait
 * ends at the client's timeout with an {@link AssertionError} naming what did not come.
 *
 * <pre>{@code
 * TestNamespace chat = client.namespace("/chat").connect(Map.of("token", "t1"));
 * List<Object> ack = chat.emitWithAck("join", "lobby");
 * ReceivedEvent hello = chat.awaitEvent("hello");
 * }</pre>
 */
public final class TestNamespace {

    private final SocketTestClient client;
    private final String name;
    private final Object lock = new Object();
    private final List<ReceivedEvent> received = new ArrayList<>(); // guarded by lock
    private final Map<Long, CompletableFuture<List<Object>>> pendingAcks = new ConcurrentHashMap<>();
    private final AtomicLong nextAckId = new AtomicLong();
    private volatile CompletableFuture<Void> connectAnswer;
    private volatile boolean connected;
    private volatile String id;
    private volatile Map<?, ?> connectError;

    TestNamespace(SocketTestClient client, String name) {
        this.client = client;
        this.name = name;
    }

    /** The namespace's name, e.g. {@code "/chat"}. */
    public String name() {
        return name;
    }

    /** Connects without auth; see {@link #connect(Object)}. */
    public TestNamespace connect() {
        return connect(null);
    }

    /**
     * Sends CONNECT with this auth payload (what the connect handler reads with
     * {@code e.auth(...)}; a record, POJO, {@code Map} or null) and waits for the server's answer.
     * Refused is an answer: then {@link #isConnected()} is false and {@link #connectError()} says why.
     */
    public TestNamespace connect(Object auth) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        synchronized (lock) {
            if (connected) {
                throw new IllegalStateException("Already connected to " + name);
            }
            connectError = null;
            connectAnswer = answer;
        }
        client.sendConnect(name, auth);
        await(answer, "an answer to CONNECT " + name);
        return this;
    }

    /** Whether the server accepted the client on this namespace and has not disconnected it since. */
    public boolean isConnected() {
        return connected;
    }

    /** The CONNECT_ERROR body ({@code message}, and {@code data} when the server gave some) when refused, else null. */
    public Map<?, ?> connectError() {
        return connectError;
    }

    /** The socket id the server gave on this namespace (kept after a disconnect), or null before. */
    public String id() {
        return id;
    }

    /** Emits an event; synchronous handlers have run when this returns, {@code @ObservesAsync} ones may not have. */
    public void emit(String event, Object... args) {
        requireConnected();
        client.sendEvent(name, event, Arrays.asList(args), -1);
    }

    /** Emits asking for an ack and waits for it: the ack's arguments (Flask's {@code emit(..., callback=True)}). */
    public List<Object> emitWithAck(String event, Object... args) {
        return await(emitWithAckAsync(event, args), "an ack of '" + event + "' on " + name);
    }

    /** Emits asking for an ack; the future completes with the ack's arguments when it comes (never times out itself). */
    public CompletableFuture<List<Object>> emitWithAckAsync(String event, Object... args) {
        requireConnected();
        long ackId = nextAckId.getAndIncrement();
        CompletableFuture<List<Object>> f = new CompletableFuture<>();
        pendingAcks.put(ackId, f);
        f.whenComplete((v, x) -> pendingAcks.remove(ackId));
        client.sendEvent(name, event, Arrays.asList(args), ackId);
        return f;
    }

    /** What the server emitted on this namespace since the last call, oldest first; clears it (Flask's {@code get_received}). */
    public List<ReceivedEvent> received() {
        synchronized (lock) {
            List<ReceivedEvent> copy = new ArrayList<>(received);
            received.clear();
            return copy;
        }
    }

    /** Waits up to the client's timeout for an event of that name; see {@link #awaitEvent(String, Duration)}. */
    public ReceivedEvent awaitEvent(String event) {
        return awaitEvent(event, client.timeout());
    }

    /**
     * The oldest received event of that name, taken out of {@link #received()} (the others stay),
     * waiting for it up to {@code timeout}: for events that handlers on other threads emit.
     */
    public ReceivedEvent awaitEvent(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Iterator<ReceivedEvent> it = received.iterator(); it.hasNext(); ) {
                    ReceivedEvent e = it.next();
                    if (e.name().equals(event)) {
                        it.remove();
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No '" + event + "' on " + name + " within " + timeout.toMillis()
                            + " ms; received meanwhile: " + received);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for '" + event + "'", e);
                }
            }
        }
    }

    /** Waits up to the client's timeout until the server has disconnected this namespace (or the connection ended). */
    public void awaitDisconnected() {
        long deadline = System.nanoTime() + client.timeout().toNanos();
        synchronized (lock) {
            while (connected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Still connected to " + name + " after " + client.timeout().toMillis() + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Leaves the namespace (the server sees "client namespace disconnect"); the connection and other namespaces stay. */
    public void disconnect() {
        if (markDisconnected()) {
            client.sendDisconnect(name);
        }
    }

    // ---- what the server sent (called by the client, any thread) --------------------------------

    void onConnected(String socketId) {
        synchronized (lock) {
            id = socketId;
            connected = true;
            lock.notifyAll();
        }
        complete();
    }

    void onConnectError(Map<?, ?> error) {
        connectError = error;
        complete();
    }

    void onEvent(ReceivedEvent e) {
        synchronized (lock) {
            received.add(e);
            lock.notifyAll();
        }
    }

    void onAck(long ackId, List<Object> args) {
        CompletableFuture<List<Object>> f = pendingAcks.get(ackId);
        if (f != null) {
            f.complete(args);
        }
    }

    /** The server's DISCONNECT, or the end of the whole connection. */
    void onDisconnected() {
        markDisconnected();
        complete(); // a CONNECT still waiting gets no answer any more
    }

    private boolean markDisconnected() {
        synchronized (lock) {
            boolean was = connected;
            connected = false;
            lock.notifyAll();
            return was;
        }
    }

    private void complete() {
        CompletableFuture<Void> answer = connectAnswer;
        if (answer != null) {
            answer.complete(null);
        }
    }

    private void requireConnected() {
        if (!connected) {
            throw new IllegalStateException("Not connected to " + name);
        }
    }

    private <T> T await(CompletableFuture<T> f, String what) {
        try {
            return f.get(client.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No " + what + " within " + client.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    @Override
    public String toString() {
        return name + (connected ? " (connected as " + id + ")" : " (not connected)");
    }
}

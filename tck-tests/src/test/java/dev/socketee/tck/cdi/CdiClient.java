package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.fail;

import dev.socketee.tck.JavaClient;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A socket of io.socket:socket.io-client 2.1.2 on the CDI server that records every incoming event, in order
 * (a text log such as {@code room-message["m1"]}) so tests can await events and compare complete logs.
 */
final class CdiClient implements AutoCloseable {
    static final Duration WAIT = JavaClient.WAIT;

    final Socket socket;
    /** Every incoming event (connect, connect_error, disconnect and the application's), in arrival order. */
    private final List<Object[]> events = new ArrayList<>();

    private CdiClient(Socket socket) {
        this.socket = socket;
        for (String e : List.of(Socket.EVENT_CONNECT, Socket.EVENT_CONNECT_ERROR, Socket.EVENT_DISCONNECT)) {
            socket.on(e, args -> record(e, args));
        }
        socket.onAnyIncoming(args -> record((String) args[0], Arrays.copyOfRange(args, 1, args.length)));
    }

    static CdiClient create(String namespace, String[] transports, Map<String, String> auth) {
        IO.Options options = JavaClient.options(transports, auth);
        options.path = CdiTestServer.socketIoPath();
        return new CdiClient(IO.socket(URI.create(CdiTestServer.origin() + namespace), options));
    }

    private void record(String event, Object[] args) {
        Object[] entry = new Object[args.length + 1];
        entry[0] = event;
        System.arraycopy(args, 0, entry, 1, args.length);
        synchronized (events) {
            events.add(entry);
            events.notifyAll();
        }
    }

    /** Connects and returns the "welcome" payload. */
    Object connectForWelcome() {
        socket.connect();
        await(Socket.EVENT_CONNECT);
        return await("welcome")[0];
    }

    /** The args of the first recorded occurrence of the event, waiting for it at most 5 s. */
    Object[] await(String event) {
        return awaitNth(event, 1);
    }

    /** The args of the n-th (1-based) recorded occurrence of the event, waiting for it at most 5 s. */
    Object[] awaitNth(String event, int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (events) {
            for (;;) {
                int seen = 0;
                for (Object[] e : events) {
                    if (e[0].equals(event) && ++seen == n) return Arrays.copyOfRange(e, 1, e.length);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) fail("no " + n + ". '" + event + "' event within " + WAIT + "; events: " + log(null));
                try {
                    TimeUnit.NANOSECONDS.timedWait(events, left);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(ex);
                }
            }
        }
    }

    /** The recorded events as text, e.g. {@code room-message["m1"]}, without the ones named in skip. */
    List<String> log(List<String> skip) {
        synchronized (events) {
            return events.stream().filter(e -> skip == null || !skip.contains((String) e[0]))
                    .map(e -> e[0] + Arrays.deepToString(Arrays.copyOfRange(e, 1, e.length))).toList();
        }
    }

    /** Application events only (no connect, disconnect, welcome). */
    List<String> appLog() {
        return log(List.of(Socket.EVENT_CONNECT, Socket.EVENT_DISCONNECT, "welcome"));
    }

    /** Emits with an ack callback and returns the ack's arguments (fails after 5 s). */
    Object[] ack(String event, Object... args) {
        CompletableFuture<Object[]> acked = new CompletableFuture<>();
        socket.emit(event, args, (Ack) acked::complete);
        try {
            return acked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no ack of '" + event + "' within " + WAIT + "; events: " + log(null));
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.off();
        socket.offAnyIncoming();
    }
}

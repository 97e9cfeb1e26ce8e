package dev.socketee.tck.eio3;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs io.socket:socket.io-client 1.0.2 (Engine.IO v3, the Android client) against the allowEio3
 * server, in a JVM of its own ({@link Eio3JavaClientIT} forks it with the 1.0.2 jars on the class
 * path, where the 2.x client of the test JVM cannot clash). Compiled against 2.x, whose API this
 * uses is the same. No JUnit here: prints {@code PASS}, or fails with a message and exit code 1.
 * Then, for the room test, prints {@code READY} once in room {@code java-mixed} on {@code /}, waits
 * for the test's v4 client's {@code room-message}, answers with its own and prints {@code DONE}.
 *
 * <p>Arguments: base URL (origin), the server's path (e.g. {@code /eio3}).
 */
public final class V1ClientMain {

    private static final long WAIT_MS = 5000;

    private V1ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String path = args[1];
        try {
            for (String[] transports : new String[][] {{"websocket"}, {"polling"}, {"polling", "websocket"}}) {
                scenario(base, path, transports);
            }
            System.out.println("PASS");
            mixedRoom(base, path);
            System.out.println("DONE");
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("FAIL " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void scenario(String base, String path, String[] transports) throws Exception {
        String what = String.join("+", transports) + ": ";
        Client c = new Client(base, "/", path, transports, null, "hello", "message-back", "ack-result", "ack-request", "disconnect");
        String helloId = (String) c.await("hello")[0];
        check(helloId.equals(c.socket.id()), what + "hello id " + helloId + " is the client's " + c.socket.id());

        c.socket.emit("message", "caf\u00e9", new byte[] {1, 2, 3});
        Object[] back = c.await("message-back");
        check("caf\u00e9".equals(back[0]) && Arrays.equals(new byte[] {1, 2, 3}, (byte[]) back[1]), what + "message-back " + Arrays.deepToString(back));

        BlockingQueue<Object[]> acked = new LinkedBlockingQueue<>();
        c.socket.emit("message-with-ack", "x", new byte[] {9}, (Ack) acked::add);
        Object[] a = poll(acked, what + "ack");
        check("x".equals(a[0]) && Arrays.equals(new byte[] {9}, (byte[]) a[1]), what + "ack " + Arrays.deepToString(a));

        c.socket.emit("request-ack", "a");
        Object[] req = c.await("ack-request");
        check("a".equals(req[0]) && req[req.length - 1] instanceof Ack, what + "ack-request " + Arrays.deepToString(req));
        ((Ack) req[req.length - 1]).call("B", new byte[] {7, 7});
        Object[] result = c.await("ack-result");
        check("B".equals(result[0]) && Arrays.equals(new byte[] {7, 7}, (byte[]) result[1]), what + "ack-result " + Arrays.deepToString(result));

        Client custom = new Client(base, "/custom", path, transports, "token=abc", "auth");
        Object auth = custom.await("auth")[0];
        check(String.valueOf(auth).contains("\"token\":\"abc\""), what + "the namespace query is the auth: " + auth);
        custom.socket.close();

        Client guarded = new Client(base, "/guarded", path, transports, "token=no", "error");
        Object refusal = guarded.await("error")[0];
        check("not allowed".equals(refusal), what + "refusal " + refusal);
        guarded.socket.close();

        c.socket.emit("server-disconnect");
        Object reason = c.await("disconnect")[0];
        check("io server disconnect".equals(reason), what + "disconnect reason " + reason);
        c.socket.close();
    }

    private static void mixedRoom(String base, String path) throws Exception {
        Client c = new Client(base, "/", path, new String[] {"websocket"}, null, "hello", "room-message");
        c.await("hello");
        BlockingQueue<Object[]> joined = new LinkedBlockingQueue<>();
        c.socket.emit("join", "java-mixed", (Ack) joined::add);
        poll(joined, "join");
        System.out.println("READY");
        Object[] m = c.await("room-message", 15_000);
        check("from-v4".equals(m[0]) && Arrays.equals(new byte[] {4, 4}, (byte[]) m[1]), "room-message from v4 " + Arrays.deepToString(m));
        c.socket.emit("to-room", "java-mixed", "from-v1", new byte[] {1});
        Object[] own = c.await("room-message");
        check("from-v1".equals(own[0]), "own room-message " + Arrays.deepToString(own));
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine(); // the test has what it needs
        c.socket.close();
    }

    private static Object[] poll(BlockingQueue<Object[]> q, String what) throws InterruptedException {
        return poll(q, what, WAIT_MS);
    }

    private static Object[] poll(BlockingQueue<Object[]> q, String what, long ms) throws InterruptedException {
        Object[] v = q.poll(ms, TimeUnit.MILLISECONDS);
        if (v == null) {
            throw new AssertionError(what + ": nothing within " + ms + " ms");
        }
        return v;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** One socket whose events are queued. */
    private static final class Client {
        final Socket socket;
        final Map<String, BlockingQueue<Object[]>> queues = new ConcurrentHashMap<>();

        Client(String base, String nsp, String path, String[] transports, String query, String... events) throws Exception {
            IO.Options o = new IO.Options();
            o.forceNew = true;
            o.reconnection = false;
            o.path = path;
            o.transports = transports;
            o.query = query;
            socket = IO.socket(new URI(base + nsp), o);
            for (String e : events) {
                BlockingQueue<Object[]> q = new LinkedBlockingQueue<>();
                queues.put(e, q);
                socket.on(e, q::add);
            }
            socket.connect();
        }

        Object[] await(String event) throws InterruptedException {
            return poll(queues.get(event), event);
        }

        Object[] await(String event, long ms) throws InterruptedException {
            return poll(queues.get(event), event, ms);
        }
    }
}

package dev.socketee.incontainer;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * io.socket:socket.io-client against a deployed WAR, from the test JVM. Kept out of the test
 * classes that run inside the container: the WARs do not carry the client.
 */
final class RealClient {

    private RealClient() {
    }

    /** Connects to {@code namespace} of the WAR at {@code url} over one transport, emits "echo" and returns the ack. */
    static Object echo(URL url, String namespace, String transport, String text) throws Exception {
        IO.Options options = new IO.Options();
        options.path = url.getPath() + (url.getPath().endsWith("/") ? "" : "/") + "socket.io";
        options.transports = new String[] {transport};
        options.forceNew = true;
        options.reconnection = false;
        Socket socket = IO.socket(URI.create("http://" + url.getHost() + ":" + url.getPort() + namespace), options);
        CompletableFuture<Object> ack = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, a -> socket.emit("echo", new Object[] {text},
                (Ack) args -> ack.complete(args.length > 0 ? args[0] : null)));
        socket.on(Socket.EVENT_CONNECT_ERROR, a -> ack.completeExceptionally(
                new AssertionError("connect_error over " + transport + ": " + (a.length > 0 ? a[0] : ""))));
        socket.connect();
        try {
            return ack.get(20, TimeUnit.SECONDS);
        } finally {
            socket.close();
        }
    }
}

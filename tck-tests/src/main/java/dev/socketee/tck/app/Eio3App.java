package dev.socketee.tck.app;

import dev.socketee.ConnectionRefusedException;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.impl.sio.SioSocket;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Socket.IO server at {@code /eio3/} with {@code allowEio3} on, for Engine.IO v3 clients
 * (socket.io-client 2.x, io.socket 1.x) and v4 clients side by side, settings as
 * {@link ConformanceApp}'s (pingInterval 300 ms, pingTimeout 200 ms):
 * <ul>
 *   <li>{@code /}: emits {@code hello} with its socket id on connect; {@code message} answered with
 *       {@code message-back}; {@code message-with-ack} acked with its arguments; {@code request-ack}
 *       emits {@code ack-request} with an ack, then {@code ack-result} with the client's answer;
 *       {@code join} (room) joins and acks; {@code to-room} (room, args...) emits {@code room-message}
 *       with the args to everyone in the room, the sender included; {@code server-disconnect}.</li>
 *   <li>{@code /custom}: emits {@code auth} with the CONNECT's auth; {@code join} and {@code to-room} as on {@code /}.</li>
 *   <li>{@code /guarded}: refuses unless the auth has {@code token=ok}, with data {@code {"reason":"bad token"}}
 *       when the token is {@code data}, else with message {@code not allowed}.</li>
 * </ul>
 */
final class Eio3App {

    static final String PATH = "/eio3";

    private Eio3App() {
    }

    static void setUp(ServletContext context) {
        SioServer io = new SioServer(ConformanceApp.testSettings().path(PATH).allowEio3(true).build(), Duration.ofMillis(1000));
        io.namespace("/", rooms(new NamespaceHandlers()
                .onConnect((socket, auth) -> socket.emit("hello", socket.id()))
                .on("message", (socket, event, args, ack) -> socket.emitArgs("message-back", args))
                .on("message-with-ack", (socket, event, args, ack) -> {
                    if (ack != null) {
                        ack.send(args);
                    }
                })
                .on("server-disconnect", (socket, event, args, ack) -> socket.disconnect(true))
                .on("request-ack", (socket, event, args, ack) ->
                        socket.emitWithAck("ack-request", args, reply -> socket.emitArgs("ack-result", reply)))));
        io.namespace("/custom", rooms(new NamespaceHandlers().onConnect((socket, auth) -> socket.emit("auth", auth == null ? Map.of() : auth))));
        io.namespace("/guarded", new NamespaceHandlers().onConnect(Eio3App::guard));
        io.attach(context);
    }

    private static NamespaceHandlers rooms(NamespaceHandlers h) {
        return h.on("join", (socket, event, args, ack) -> {
            socket.join(room(args));
            if (ack != null) {
                ack.send(List.of(true));
            }
        }).on("to-room", (socket, event, args, ack) ->
                socket.namespace().to(room(args)).emit("room-message", args.subList(1, args.size())));
    }

    /** The first argument as a string: arguments may come as raw JSON (text events) or plain values (binary events). */
    private static String room(List<?> args) {
        return String.valueOf(dev.socketee.impl.protocol.socket.PlainValues.of(args.subList(0, 1), null).get(0));
    }

    private static void guard(SioSocket socket, Object auth) {
        String a = String.valueOf(auth);
        if (a.contains("\"token\":\"ok\"")) {
            return;
        }
        if (a.contains("\"token\":\"data\"")) {
            throw new ConnectionRefusedException("not allowed", Map.of("reason", "bad token"));
        }
        throw new ConnectionRefusedException("not allowed");
    }
}

package dev.socketee.emitter;

import dev.socketee.redis.wire.JsonWriter;
import dev.socketee.redis.wire.NamespaceChannels;
import dev.socketee.redis.wire.RequestType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The messages of one namespace and the channels they go to, exactly as node's emitter writes them:
 * <ul>
 * <li>a broadcast is {@code [uid "emitter", {type 2, data [event, ...args], nsp}, {rooms, flags, except}]}
 *     through the {@link Parser} (MessagePack by default) on {@code <key>#<nsp>#}, or on
 *     {@code <key>#<nsp>#<room>#} when it targets exactly one room (a node that has no such room then
 *     skips it without decoding it);</li>
 * <li>a request is JSON on {@code <key>-request#<nsp>#}: {@code {type, opts {rooms, except}, ...}} for
 *     join, leave and disconnect, {@code {uid "emitter", type 6, data [event, ...args]}} for a
 *     server-side emit.</li>
 * </ul>
 * The receiving adapter re-encodes the packet for its sockets, binary attachments included.
 */
final class NamespaceWire {

    /** The sender id of every emitter: no node has it, so none ignores the message as its own. */
    static final String UID = "emitter";
    static final long EVENT_PACKET = 2;

    private final Publisher publisher;
    private final Parser parser;
    private final NamespaceChannels channels;

    NamespaceWire(Publisher publisher, EmitterOptions options, String namespace) {
        this.publisher = publisher;
        this.parser = options.parser();
        this.channels = new NamespaceChannels(options.key(), namespace);
    }

    String namespace() {
        return channels.nsp();
    }

    CompletionStage<Long> broadcast(Set<String> rooms, Set<String> except, Map<String, Boolean> flags,
            String event, Object[] args) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", EVENT_PACKET);
        packet.put("data", Values.eventData(event, args));
        packet.put("nsp", channels.nsp());
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rooms", List.copyOf(rooms));
        opts.put("flags", new LinkedHashMap<>(flags));
        opts.put("except", List.copyOf(except));
        byte[] message = parser.encode(List.of(UID, packet, opts));
        return publisher.publish(channels.broadcastTo(rooms), message);
    }

    /** join (REMOTE_JOIN) or leave (REMOTE_LEAVE) {@code targetRooms} for the sockets of rooms / except. */
    CompletionStage<Long> membership(RequestType type, Set<String> rooms, Set<String> except, List<String> targetRooms) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type.code());
        request.put("opts", selection(rooms, except));
        request.put("rooms", List.copyOf(targetRooms));
        return request(request);
    }

    CompletionStage<Long> disconnect(Set<String> rooms, Set<String> except, boolean close) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", RequestType.REMOTE_DISCONNECT.code());
        request.put("opts", selection(rooms, except));
        request.put("close", close);
        return request(request);
    }

    CompletionStage<Long> serverSideEmit(String event, Object[] args) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", UID);
        request.put("type", RequestType.SERVER_SIDE_EMIT.code());
        request.put("data", Values.eventData(event, args));
        return request(request);
    }

    private static Map<String, Object> selection(Set<String> rooms, Set<String> except) {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rooms", List.copyOf(rooms));
        opts.put("except", List.copyOf(except));
        return opts;
    }

    private CompletionStage<Long> request(Map<String, Object> request) {
        return publisher.publish(channels.request(), JsonWriter.stringify(request).getBytes(StandardCharsets.UTF_8));
    }
}

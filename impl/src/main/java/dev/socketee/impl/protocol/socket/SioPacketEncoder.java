package dev.socketee.impl.protocol.socket;

import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Socket.IO v5 packets.
 * <pre>
 *   packet = type-digit [ attachments "-" ] [ namespace "," ] [ ack-id ] [ json ]
 *   e.g.  2["hello",1]    2/chat,12["ev"]    43[true]    51-["f",{"_placeholder":true,"num":0}]
 * </pre>
 * The namespace is written only when it is not "/". Any {@code byte[]} or {@code ByteBuffer}
 * inside the data (lists, maps, and records or POJOs when the fallback collects their binary)
 * turns EVENT into BINARY_EVENT (ACK into BINARY_ACK) with placeholders, as socket.io-parser's
 * deconstructPacket does for Buffers anywhere in the data.
 */
public final class SioPacketEncoder {

    private SioPacketEncoder() {
    }

    /** EVENT: {@code ["event", args...]}. */
    public static EncodedSioPacket event(String namespace, String event, List<?> args, long ackId) {
        return event(namespace, event, args, ackId, null);
    }

    /** As {@link #event(String, String, List, long)}; types the writer does not know go to {@code fallback} (JSON-B). */
    public static EncodedSioPacket event(String namespace, String event, List<?> args, long ackId, JsonFallback fallback) {
        List<Object> data = new ArrayList<>(args.size() + 1);
        data.add(event);
        data.addAll(args);
        return withData(SioPacketType.EVENT, namespace, ackId, data, fallback);
    }

    /** ACK: {@code [args...]}. */
    public static EncodedSioPacket ack(String namespace, long ackId, List<?> args) {
        return ack(namespace, ackId, args, null);
    }

    public static EncodedSioPacket ack(String namespace, long ackId, List<?> args, JsonFallback fallback) {
        return withData(SioPacketType.ACK, namespace, ackId, args, fallback);
    }

    /** The server's answer to CONNECT: {@code 0{"sid":"..."}}. */
    public static EncodedSioPacket connected(String namespace, String socketId) {
        return withData(SioPacketType.CONNECT, namespace, SioPacket.NO_ACK, Map.of("sid", socketId), null);
    }

    /** CONNECT reply with connection state recovery on: {@code {"sid":...,"pid":...}} (node's order). */
    public static EncodedSioPacket connected(String namespace, String socketId, String pid) {
        if (pid == null) {
            return connected(namespace, socketId);
        }
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("sid", socketId);
        data.put("pid", pid);
        return withData(SioPacketType.CONNECT, namespace, SioPacket.NO_ACK, data, null);
    }

    /** CONNECT_ERROR: {@code 4{"message":"...","data":...}} (data omitted when null). */
    public static EncodedSioPacket connectError(String namespace, String message, Object data) {
        return connectError(namespace, message, data, null);
    }

    public static EncodedSioPacket connectError(String namespace, String message, Object data, JsonFallback fallback) {
        Map<String, Object> body = data == null ? Map.of("message", message) : orderedPair("message", message, "data", data);
        return withData(SioPacketType.CONNECT_ERROR, namespace, SioPacket.NO_ACK, body, fallback);
    }

    public static EncodedSioPacket disconnect(String namespace) {
        return new EncodedSioPacket(header(SioPacketType.DISCONNECT, 0, namespace, SioPacket.NO_ACK).toString(), List.of());
    }

    private static EncodedSioPacket withData(SioPacketType type, String namespace, long ackId, Object data,
                                             JsonFallback fallback) {
        // one pass: binary is found while writing (also inside records the fallback writes), and
        // only then is the text header swapped for the binary one
        boolean canCarryBinary = type == SioPacketType.EVENT || type == SioPacketType.ACK;
        List<byte[]> attachments = canCarryBinary ? new ArrayList<>(0) : null;
        StringBuilder sb = header(type, 0, namespace, ackId);
        int headerLength = sb.length();
        JsonWriter.write(sb, data, attachments, fallback);
        if (attachments == null || attachments.isEmpty()) {
            return new EncodedSioPacket(sb.toString(), List.of());
        }
        sb.replace(0, headerLength, header(type.binary(), attachments.size(), namespace, ackId).toString());
        return new EncodedSioPacket(sb.toString(), List.copyOf(attachments));
    }

    private static StringBuilder header(SioPacketType type, int attachments, String namespace, long ackId) {
        StringBuilder sb = new StringBuilder(64);
        sb.append(type.code());
        if (type.isBinary()) {
            sb.append(attachments).append('-');
        }
        if (!"/".equals(namespace)) {
            sb.append(namespace).append(',');
        }
        if (ackId >= 0) {
            sb.append(ackId);
        }
        return sb;
    }

    private static Map<String, Object> orderedPair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(4);
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}

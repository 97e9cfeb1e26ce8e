package dev.socketee.impl.protocol.socket;

import dev.socketee.impl.json.JsonException;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonScanner;
import dev.socketee.impl.json.RawJson;
import dev.socketee.impl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Socket.IO v5 packets from one client (see {@link SioPacketEncoder} for the format).
 * The header (type, attachment count, namespace, ack id) is read by scanning, never through a
 * JSON tree. A binary packet is held until its attachments have arrived, so an instance belongs
 * to one connection and is not thread-safe (the connection feeds it one message at a time).
 */
public final class SioPacketDecoder {

    private static final int MAX_ACK_ID_DIGITS = 15;

    /** Event names a client may not send (node's socket.io-parser rejects them too). */
    private static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final int maxAttachments;
    private Header pending;
    private List<byte[]> buffers;

    public SioPacketDecoder(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    /** Decodes a text message; returns null when it starts a binary packet that awaits attachments. */
    public SioPacket decodeText(String text) {
        if (pending != null) {
            throw new ProtocolException("Text packet while " + (pending.attachments - buffers.size()) + " attachments are missing");
        }
        Header h = readHeader(text);
        if (h.type.isBinary()) {
            pending = h;
            buffers = new ArrayList<>(h.attachments);
            return null;
        }
        return toPacket(h);
    }

    /** Adds one binary attachment; returns the packet when it was the last one, null otherwise. */
    public SioPacket decodeBinary(byte[] data) {
        if (pending == null) {
            throw new ProtocolException("Unexpected binary attachment");
        }
        buffers.add(data);
        if (buffers.size() < pending.attachments) {
            return null;
        }
        Header h = pending;
        List<byte[]> attachments = buffers;
        pending = null;
        buffers = null;
        return reconstruct(h, attachments);
    }

    /** Whether a binary packet is waiting for attachments. */
    public boolean isReconstructing() {
        return pending != null;
    }

    private Header readHeader(String s) {
        if (s.isEmpty()) {
            throw new ProtocolException("Empty Socket.IO packet");
        }
        SioPacketType type = SioPacketType.fromCode(s.charAt(0));
        int i = 1;
        int n = s.length();
        int attachments = 0;
        if (type.isBinary()) {
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i >= n || s.charAt(i) != '-' || i - start > 6) {
                throw new ProtocolException("Bad attachment count");
            }
            attachments = Integer.parseInt(s, start, i, 10);
            if (attachments < 1 || attachments > maxAttachments) {
                throw new ProtocolException("Attachment count " + attachments + " outside 1.." + maxAttachments);
            }
            i++;
        }
        String namespace = "/";
        if (i < n && s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            namespace = s.substring(i, end);
            i = comma < 0 ? n : comma + 1;
        }
        long ackId = SioPacket.NO_ACK;
        int digits = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i > digits) {
            if (i - digits > MAX_ACK_ID_DIGITS) {
                throw new ProtocolException("Ack id too long");
            }
            ackId = 0; // at most 15 digits, checked above: no overflow, no Long.parseLong and its checks
            for (int d = digits; d < i; d++) {
                ackId = ackId * 10 + (s.charAt(d) - '0');
            }
        }
        return new Header(type, attachments, namespace, ackId, i, s);
    }

    private static SioPacket toPacket(Header h) {
        String s = h.text;
        int n = s.length();
        boolean hasData = JsonScanner.skipWhitespace(s, h.dataStart) < n;
        try {
            switch (h.type) {
                case CONNECT -> {
                    if (!hasData) {
                        return new SioPacket(h.type, h.namespace, h.ackId, null, List.of(), null);
                    }
                    String json = s.substring(h.dataStart);
                    if (!JsonScanner.isObject(json) || JsonScanner.skipWhitespace(json, JsonScanner.skipValue(json, 0)) != json.length()) {
                        throw new ProtocolException("CONNECT payload must be an object");
                    }
                    return new SioPacket(h.type, h.namespace, h.ackId, null, List.of(), new RawJson(json.strip()));
                }
                case DISCONNECT -> {
                    if (hasData) {
                        throw new ProtocolException("DISCONNECT carries no data");
                    }
                    return new SioPacket(h.type, h.namespace, SioPacket.NO_ACK, null, List.of(), null);
                }
                case EVENT -> {
                    List<RawJson> items = arrayAt(s, h, hasData);
                    if (items.isEmpty() || !JsonScanner.isString(items.get(0).json())) {
                        throw new ProtocolException("EVENT needs an event name");
                    }
                    String event = checkEventName(JsonScanner.readString(items.get(0).json(), 0));
                    items.remove(0); // the arguments, in the scanner's own list (no copy)
                    return new SioPacket(h.type, h.namespace, h.ackId, event, objects(items), null);
                }
                case ACK -> {
                    if (h.ackId < 0) {
                        throw new ProtocolException("ACK without id");
                    }
                    return new SioPacket(h.type, h.namespace, h.ackId, null, objects(arrayAt(s, h, hasData)), null);
                }
                default -> throw new ProtocolException("A client may not send " + h.type);
            }
        } catch (JsonException e) {
            throw new ProtocolException("Bad JSON: " + e.getMessage());
        }
    }

    private static List<RawJson> arrayAt(String s, Header h, boolean hasData) {
        if (!hasData) {
            throw new ProtocolException(h.type + " without data");
        }
        return JsonScanner.splitArray(s, h.dataStart, s.length());
    }

    /** The scanner's fresh, mutable list, seen as a list of arguments (nobody else holds it). */
    @SuppressWarnings("unchecked")
    private static List<Object> objects(List<RawJson> items) {
        return (List<Object>) (List<?>) items;
    }

    private static SioPacket reconstruct(Header h, List<byte[]> attachments) {
        Object tree;
        try {
            tree = JsonReader.parse(h.text, h.dataStart, h.text.length());
        } catch (JsonException e) {
            throw new ProtocolException("Bad JSON: " + e.getMessage());
        }
        if (!(tree instanceof List<?> list)) {
            throw new ProtocolException(h.type + " data must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) BinaryPlaceholders.replace(list, attachments);
        if (h.type == SioPacketType.BINARY_EVENT) {
            if (args.isEmpty() || !(args.get(0) instanceof String event)) {
                throw new ProtocolException("EVENT needs an event name");
            }
            return new SioPacket(h.type, h.namespace, h.ackId, checkEventName(event), new ArrayList<>(args.subList(1, args.size())), null);
        }
        if (h.ackId < 0) {
            throw new ProtocolException("ACK without id");
        }
        return new SioPacket(h.type, h.namespace, h.ackId, null, args, null);
    }

    private static String checkEventName(String event) {
        if (RESERVED_EVENTS.contains(event)) {
            throw new ProtocolException("Reserved event name '" + event + "'");
        }
        return event;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What the header told, plus the text for binary packets that wait for attachments. */
    private record Header(SioPacketType type, int attachments, String namespace, long ackId, int dataStart, String text) {
    }
}

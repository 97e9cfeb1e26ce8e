package dev.socketee.testing;

import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes what the server sends, the client's way round: CONNECT replies, CONNECT_ERROR, events
 * and acks, with binary attachments put back in place. Test code only: data is parsed into a tree.
 */
final class ServerPacketReader {

    /** A decoded packet: type digit, namespace, ack id (-1 none), data as plain Java values. */
    record Packet(int type, String namespace, long ackId, Object data) {
    }

    private final Consumer<Packet> sink;
    private String pendingText;
    private int pendingAttachments;
    private final List<byte[]> buffers = new ArrayList<>();

    ServerPacketReader(Consumer<Packet> sink) {
        this.sink = sink;
    }

    synchronized void accept(EnginePacket p) {
        if (p.isBinary()) {
            buffers.add(p.binary());
            if (buffers.size() == pendingAttachments) {
                String text = pendingText;
                pendingText = null;
                List<byte[]> copy = new ArrayList<>(buffers);
                buffers.clear();
                sink.accept(decode(text, copy));
            }
            return;
        }
        String s = p.text();
        int type = s.charAt(0) - '0';
        if (type == 5 || type == 6) {
            int dash = s.indexOf('-');
            pendingAttachments = Integer.parseInt(s.substring(1, dash));
            pendingText = s;
            return;
        }
        sink.accept(decode(s, List.of()));
    }

    private static Packet decode(String s, List<byte[]> attachments) {
        int type = s.charAt(0) - '0';
        int i = 1;
        if (type == 5 || type == 6) {
            i = s.indexOf('-') + 1;
        }
        String ns = "/";
        if (i < s.length() && s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? s.length() : comma;
            ns = s.substring(i, end);
            i = comma < 0 ? s.length() : comma + 1;
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        long ackId = i > start ? Long.parseLong(s.substring(start, i)) : -1;
        Object data = i < s.length() ? JsonReader.parse(s.substring(i)) : null;
        return new Packet(type, ns, ackId, attachments.isEmpty() ? data : restore(data, attachments));
    }

    private static Object restore(Object v, List<byte[]> attachments) {
        if (v instanceof Map<?, ?> m) {
            if (Boolean.TRUE.equals(m.get("_placeholder")) && m.get("num") instanceof Integer n) {
                return attachments.get(n);
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, restore(x, attachments)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(restore(x, attachments));
            }
            return out;
        }
        return v;
    }
}

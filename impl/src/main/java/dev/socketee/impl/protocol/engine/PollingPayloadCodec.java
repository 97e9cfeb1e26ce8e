package dev.socketee.impl.protocol.engine;

import dev.socketee.impl.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 HTTP long-polling payload: packets joined by the record separator 0x1E.
 * <pre>
 *   payload = packet *( %x1E packet )
 *   packet  = type-digit [ data ]        text packet, e.g. "4hello"
 *           / "b" base64                 binary MESSAGE, e.g. "bAQID"
 * </pre>
 * The limit on packets per payload keeps one request from allocating without bound.
 */
public final class PollingPayloadCodec {

    public static final char SEPARATOR = '\u001e';

    private final int maxPackets;

    public PollingPayloadCodec(int maxPackets) {
        if (maxPackets < 1) {
            throw new IllegalArgumentException("maxPackets < 1");
        }
        this.maxPackets = maxPackets;
    }

    public void encode(List<EnginePacket> packets, StringBuilder out) {
        for (int i = 0; i < packets.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            encodePacket(packets.get(i), out);
        }
    }

    public String encode(List<EnginePacket> packets) {
        StringBuilder sb = new StringBuilder(64);
        encode(packets, sb);
        return sb.toString();
    }

    public static void encodePacket(EnginePacket p, StringBuilder out) {
        if (p.isBinary()) {
            // the packet's shared v3 text ("b4" + base64): a broadcast base64-encodes its data once
            String v3 = p.base64Frame();
            out.append('b').append(v3, 2, v3.length());
        } else {
            out.append(p.type().code()).append(p.text());
        }
    }

    public List<EnginePacket> decode(String payload) {
        if (payload.isEmpty()) {
            throw new ProtocolException("Empty polling payload");
        }
        List<EnginePacket> packets = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int end = payload.indexOf(SEPARATOR, start);
            if (end < 0) {
                end = payload.length();
            }
            if (packets.size() == maxPackets) {
                throw new ProtocolException("More than " + maxPackets + " packets in one payload");
            }
            packets.add(decodePacket(payload.substring(start, end)));
            if (end == payload.length()) {
                return packets;
            }
            start = end + 1;
        }
    }

    /** Base64 after the 'b', without CR/LF: MIME-style encoders (the Java client's) wrap lines at 76. */
    private static String withoutLineBreaks(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s.substring(1);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static EnginePacket decodePacket(String s) {
        if (!s.isEmpty() && s.charAt(0) == 'b') {
            try {
                return EnginePacket.binary(Base64.getDecoder().decode(withoutLineBreaks(s)));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("Bad base64 in binary packet");
            }
        }
        return EnginePacketCodec.decodeText(s);
    }
}

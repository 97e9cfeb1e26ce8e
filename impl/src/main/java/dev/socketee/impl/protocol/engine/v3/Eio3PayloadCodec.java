package dev.socketee.impl.protocol.engine.v3;

import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine.IO v3 HTTP long-polling payloads, in their two forms.
 * <pre>
 *   text payload   = 1*( length ":" packet )        e.g. "6:4hello2:40"   binary as "b4" base64
 *                    length: the packet's length in UTF-16 code units (JavaScript's String.length)
 *   binary payload = 1*( kind 1*digit-byte %xFF packet )
 *                    kind %x00: the packet is text, UTF-8; %x01: type byte + data
 *                    digit-bytes: the packet's length in bytes, one decimal digit (0-9) per byte
 *                    e.g. 00 06 FF "4hello"   01 04 FF 04 01 02 03
 * </pre>
 * A server sends the binary form only to a client that takes binary (no {@code b64=1}) and only
 * when a packet of the batch is binary; a client posts it as {@code application/octet-stream}.
 * Limits: packets per payload, and digits per length (so a length cannot overflow).
 */
public final class Eio3PayloadCodec {

    private static final int MAX_LENGTH_DIGITS = 10;
    private final int maxPackets;

    public Eio3PayloadCodec(int maxPackets) {
        if (maxPackets < 1) {
            throw new IllegalArgumentException("maxPackets < 1");
        }
        this.maxPackets = maxPackets;
    }

    public static boolean hasBinary(List<EnginePacket> packets) {
        for (EnginePacket p : packets) {
            if (p.isBinary()) {
                return true;
            }
        }
        return false;
    }

    public static String encodeText(List<EnginePacket> packets) {
        if (packets.isEmpty()) {
            return "0:";
        }
        StringBuilder sb = new StringBuilder(64);
        for (EnginePacket p : packets) {
            String s = Eio3PacketCodec.encodeText(p);
            sb.append(s.length()).append(':').append(s);
        }
        return sb.toString();
    }

    public static byte[] encodeBinary(List<EnginePacket> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (EnginePacket p : packets) {
            byte[] bytes;
            if (p.isBinary()) {
                out.write(1);
                bytes = Eio3PacketCodec.encodeBinary(p);
            } else {
                out.write(0);
                bytes = Eio3PacketCodec.encodeText(p).getBytes(StandardCharsets.UTF_8);
            }
            String digits = Integer.toString(bytes.length);
            for (int i = 0; i < digits.length(); i++) {
                out.write(digits.charAt(i) - '0');
            }
            out.write(0xFF);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    public List<EnginePacket> decodeText(String payload) {
        if (payload.isEmpty()) {
            throw new ProtocolException("Empty polling payload");
        }
        List<EnginePacket> packets = new ArrayList<>(4);
        int i = 0;
        while (i < payload.length()) {
            int colon = payload.indexOf(':', i);
            if (colon < 0 || colon == i || colon - i > MAX_LENGTH_DIGITS) {
                throw new ProtocolException("Bad length in v3 payload");
            }
            long n = 0;
            for (int k = i; k < colon; k++) {
                char c = payload.charAt(k);
                if (c < '0' || c > '9') {
                    throw new ProtocolException("Bad length in v3 payload");
                }
                n = n * 10 + (c - '0');
            }
            long end = colon + 1 + n;
            if (end > payload.length()) {
                throw new ProtocolException("v3 payload shorter than its length");
            }
            if (n > 0) {
                add(packets, Eio3PacketCodec.decodeText(payload.substring(colon + 1, (int) end)));
            }
            i = (int) end;
        }
        return packets;
    }

    public List<EnginePacket> decodeBinary(byte[] body, int length) {
        if (length == 0) {
            throw new ProtocolException("Empty polling payload");
        }
        List<EnginePacket> packets = new ArrayList<>(4);
        int i = 0;
        while (i < length) {
            int kind = body[i++];
            if (kind != 0 && kind != 1) {
                throw new ProtocolException("Bad packet kind in v3 binary payload");
            }
            long n = 0;
            int digits = 0;
            while (true) {
                if (i >= length) {
                    throw new ProtocolException("Truncated length in v3 binary payload");
                }
                int b = body[i++] & 0xFF;
                if (b == 0xFF) {
                    break;
                }
                if (b > 9 || ++digits > MAX_LENGTH_DIGITS) {
                    throw new ProtocolException("Bad length in v3 binary payload");
                }
                n = n * 10 + b;
            }
            if (digits == 0 || i + n > length) {
                throw new ProtocolException("v3 binary payload shorter than its length");
            }
            int end = (int) (i + n);
            add(packets, kind == 0
                    ? Eio3PacketCodec.decodeText(new String(body, i, end - i, StandardCharsets.UTF_8))
                    : Eio3PacketCodec.decodeBinary(body, i, end));
            i = end;
        }
        return packets;
    }

    private void add(List<EnginePacket> packets, EnginePacket p) {
        if (packets.size() == maxPackets) {
            throw new ProtocolException("More than " + maxPackets + " packets in one payload");
        }
        packets.add(p);
    }
}

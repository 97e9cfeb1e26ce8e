package dev.socketee.impl.engine;

import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.engine.EnginePacketType;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The debug switches (node's {@code DEBUG=engine,socket.io*}, Flask-SocketIO's {@code logger} and
 * {@code engineio_logger}): one java.util.logging logger per layer, every line at {@code FINE}.
 * <pre>
 * dev.socketee.engine          handshakes, upgrades, heartbeats, transport failures, closes with their reasons
 * dev.socketee.engine.packets  every Engine.IO packet in and out, per transport
 * dev.socketee.sio             sockets connecting, refused, disconnecting (with the reason), rooms, namespaces
 * dev.socketee.sio.packets     every Socket.IO packet in and out (its wire text; attachments as sizes)
 * </pre>
 * The names nest, as loggers do: {@code dev.socketee.engine=FINE} includes its packets unless
 * {@code dev.socketee.engine.packets} is set higher; {@code dev.socketee=FINE} turns on everything.
 *
 * <p>A line names its session by {@link SessionTag}, never by the sid (the sid in the open
 * packet is replaced by the tag too). Text is cut at {@value #MAX_TEXT} characters, binary is
 * shown as its size. Off, a call costs one {@code isLoggable} check: the methods take the objects
 * they would print, and nothing is built before the check (no lambda, no varargs, no
 * concatenation at the call sites, which pass constants and references only).
 */
public final class DebugLog {

    public static final DebugLog ENGINE = new DebugLog("dev.socketee.engine");
    public static final DebugLog ENGINE_PACKETS = new DebugLog("dev.socketee.engine.packets");
    public static final DebugLog SIO = new DebugLog("dev.socketee.sio");
    public static final DebugLog SIO_PACKETS = new DebugLog("dev.socketee.sio.packets");

    /** Longest text a line shows of a packet. */
    public static final int MAX_TEXT = 200;

    private final Logger logger;

    private DebugLog(String name) {
        this.logger = Logger.getLogger(name);
    }

    public Logger logger() {
        return logger;
    }

    public boolean isOn() {
        return logger.isLoggable(Level.FINE);
    }

    /** {@code s:1a2b3c4d what}. */
    public void event(EngineSession s, String what) {
        if (isOn()) {
            write(tag(s) + " " + what);
        }
    }

    /** {@code s:1a2b3c4d what detail}. */
    public void event(EngineSession s, String what, Object detail) {
        if (isOn()) {
            write(tag(s) + " " + what + " " + detail);
        }
    }

    /** {@code s:1a2b3c4d what number}: a primitive, so that nothing is boxed when off. */
    public void event(EngineSession s, String what, long number) {
        if (isOn()) {
            write(tag(s) + " " + what + " " + number);
        }
    }

    /** {@code s:1a2b3c4d what detail more}. */
    public void event(EngineSession s, String what, Object detail, Object more) {
        if (isOn()) {
            write(tag(s) + " " + what + " " + detail + " " + more);
        }
    }

    /** A socket's line: {@code s:1a2b3c4d /chat socket 7Qx... what detail} (the socket id is public, the sid is not). */
    public void socket(EngineSession s, String namespace, String socketId, String what, Object detail) {
        if (isOn()) {
            write(tag(s) + " " + namespace + " socket " + socketId + " " + what + (detail == null ? "" : " " + detail));
        }
    }

    /** A transport failure and the close reason it becomes: the exception's class and message, no stack. */
    public void error(EngineSession s, String transport, EngineCloseReason reason, Throwable error) {
        if (isOn()) {
            write(tag(s) + " " + transport + " failed (" + describe(error) + "): " + reason.wireName());
        }
    }

    /** One Engine.IO packet: {@code s:1a2b3c4d < websocket 4hello} (in) or {@code >} (out). */
    public void packet(EngineSession s, boolean in, String transport, EnginePacket p) {
        if (isOn()) {
            write(tag(s) + (in ? " < " : " > ") + transport + " " + show(s, p));
        }
    }

    /** Several Engine.IO packets going out together (a polling response), one line each. */
    public void packetsOut(EngineSession s, String transport, List<EnginePacket> packets) {
        if (isOn()) {
            for (EnginePacket p : packets) {
                write(tag(s) + " > " + transport + " " + show(s, p));
            }
        }
    }

    /** A Socket.IO packet's wire text: {@code s:1a2b3c4d < 2["chat","hi"]}. */
    public void text(EngineSession s, boolean in, String text) {
        if (isOn()) {
            write(tag(s) + (in ? " < " : " > ") + cut(text));
        }
    }

    /** A binary attachment in: {@code s:1a2b3c4d < attachment 1024 bytes}. */
    public void attachment(EngineSession s, byte[] data) {
        if (isOn()) {
            write(tag(s) + " < attachment " + data.length + " bytes");
        }
    }

    /** The Engine.IO packets of one Socket.IO packet going out: its text, then its attachments' sizes. */
    public void sioOut(EngineSession s, List<EnginePacket> packets) {
        if (!isOn()) {
            return;
        }
        StringBuilder line = new StringBuilder(tag(s)).append(" > ");
        for (int i = 0; i < packets.size(); i++) {
            EnginePacket p = packets.get(i);
            if (p.isBinary()) {
                line.append(i == 0 ? "" : " + ").append("attachment ").append(p.binary().length).append(" bytes");
            } else {
                line.append(cut(p.text()));
            }
        }
        write(line.toString());
    }

    private void write(String line) {
        logger.log(Level.FINE, line);
    }

    private static String tag(EngineSession s) {
        return s == null ? SessionTag.of(null) : s.tag();
    }

    /** The packet as on the wire (type digit, then text), binary as its size, the open packet's sid as the tag. */
    static String show(EngineSession s, EnginePacket p) {
        if (p.isBinary()) {
            return "binary " + p.binary().length + " bytes";
        }
        String text = p.text();
        if (p.type() == EnginePacketType.OPEN && s != null) {
            text = text.replace(s.id(), s.tag());
        }
        return p.type().code() + cut(text);
    }

    /** At most {@link #MAX_TEXT} characters, and how long the whole text was when cut. */
    static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "... (" + text.length() + " chars)";
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "no cause";
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + cut(t.getMessage());
    }
}

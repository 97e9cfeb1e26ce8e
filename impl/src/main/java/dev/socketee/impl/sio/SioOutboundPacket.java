package dev.socketee.impl.sio;

import dev.socketee.adapter.OutboundPacket;
import dev.socketee.impl.json.JsonFallback;
import dev.socketee.impl.protocol.engine.EnginePacket;
import dev.socketee.impl.protocol.socket.PlainValues;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * An EVENT on its way to several sockets: the event and its arguments as the application gave
 * them, encoded for the wire once on first use ({@link #wire()}, shared by every local target) and
 * turned into plain values once if a cluster adapter asks ({@link #data()}). Both are computed
 * lazily; two threads racing compute equal values and either may win.
 */
public final class SioOutboundPacket implements OutboundPacket {

    private final String namespace;
    private final String event;
    private final List<?> args;
    private final long ackId;
    private final JsonFallback fallback;
    private volatile List<Object> data;
    private volatile List<EnginePacket> wire;

    private SioOutboundPacket(String namespace, String event, List<?> args, long ackId, JsonFallback fallback, List<Object> data) {
        this.namespace = namespace;
        this.event = event;
        this.args = args;
        this.ackId = ackId;
        this.fallback = fallback;
        this.data = data;
    }

    /** An event the application emits. */
    public static SioOutboundPacket event(String namespace, String event, List<?> args, JsonFallback fallback) {
        return new SioOutboundPacket(namespace, event, args, SioPacket.NO_ACK, fallback, null);
    }

    /** An event from plain values {@code [event, arg...]} (a peer's broadcast). */
    static SioOutboundPacket fromData(String namespace, List<Object> data, JsonFallback fallback) {
        if (data.isEmpty() || !(data.get(0) instanceof String name)) {
            throw new IllegalArgumentException("An event packet's data starts with the event name: " + data);
        }
        return new SioOutboundPacket(namespace, name, data.subList(1, data.size()), SioPacket.NO_ACK, fallback, data);
    }

    /** The same event with {@code offset} as its last argument (connection state recovery). */
    SioOutboundPacket withOffset(String offset) {
        List<Object> more = new ArrayList<>(args.size() + 1);
        more.addAll(args);
        more.add(offset);
        List<Object> d = data;
        List<Object> moreData = null;
        if (d != null) {
            moreData = new ArrayList<>(d);
            moreData.add(offset);
        }
        return new SioOutboundPacket(namespace, event, more, ackId, fallback, moreData);
    }

    /** The bytes of its wire form (made now if not yet: every local target needs it anyway). */
    @Override
    public long sizeEstimate() {
        long n = 0;
        for (EnginePacket p : wire()) {
            n += p.isBinary() ? p.binary().length : p.text().length();
        }
        return n;
    }

    SioOutboundPacket withAckId(long id) {
        return new SioOutboundPacket(namespace, event, args, id, fallback, data);
    }

    @Override
    public int type() {
        return EVENT;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    public String event() {
        return event;
    }

    /** The arguments as emitted (as a peer sent them, for a packet from another node). */
    public List<?> args() {
        return args;
    }

    /** The acknowledgement id, or {@link SioPacket#NO_ACK}. */
    public long ackId() {
        return ackId;
    }

    @Override
    public List<Object> data() {
        List<Object> d = data;
        if (d == null) {
            List<Object> all = new ArrayList<>(args.size() + 1);
            all.add(event);
            all.addAll(args);
            d = PlainValues.of(all, fallback);
            data = d;
        }
        return d;
    }

    /** The Engine.IO packets every local target is written, made once. */
    List<EnginePacket> wire() {
        List<EnginePacket> w = wire;
        if (w == null) {
            w = Client.enginePackets(SioPacketEncoder.event(namespace, event, args, ackId, fallback));
            wire = w;
        }
        return w;
    }

    @Override
    public String toString() {
        return "EVENT " + namespace + " '" + event + "'" + (ackId == SioPacket.NO_ACK ? "" : " ack " + ackId);
    }
}

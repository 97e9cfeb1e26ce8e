package dev.socketee.redis;

import dev.socketee.adapter.BroadcastFlags;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.adapter.SocketDetails;
import dev.socketee.redis.wire.JsNumbers;
import dev.socketee.redis.wire.JsonReader;
import dev.socketee.redis.wire.MalformedMessageException;
import dev.socketee.redis.wire.MsgpackDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values both Redis protocols put in their messages, shaped as node builds them (key order
 * included, since notepack and JSON.stringify keep it): the packet {@code {type, data[, nsp]}},
 * the options {@code {rooms, except[, flags]}} with only the flags that are set, a fetched socket
 * {@code {id, handshake, rooms, data}}; and the reading back of each, lenient where node is.
 */
final class Wire {

    private Wire() {
    }

    static Map<String, Object> packet(OutboundPacket packet, String nsp) {
        Map<String, Object> m = new LinkedHashMap<>(4);
        m.put("type", packet.type());
        m.put("data", packet.data());
        if (nsp != null) {
            m.put("nsp", nsp);
        }
        return m;
    }

    /** {@code {rooms, except}} (the JSON requests of the classic adapter carry no flags). */
    static Map<String, Object> opts(BroadcastOptions options) {
        Map<String, Object> m = new LinkedHashMap<>(4);
        m.put("rooms", List.copyOf(options.rooms()));
        m.put("except", List.copyOf(options.except()));
        return m;
    }

    /** {@code {rooms, except, flags}}, as broadcasts carry them. */
    static Map<String, Object> optsWithFlags(BroadcastOptions options) {
        Map<String, Object> m = opts(options);
        m.put("flags", flags(options.flags()));
        return m;
    }

    /** node's flags object: only what is set ({} for a plain broadcast); local never travels. */
    static Map<String, Object> flags(BroadcastFlags flags) {
        Map<String, Object> m = new LinkedHashMap<>(2);
        if (flags.volatile_()) {
            m.put("volatile", true);
        }
        if (flags.compress() != null) {
            m.put("compress", flags.compress());
        }
        if (flags.timeout() != null) {
            m.put("timeout", flags.timeout().toMillis());
        }
        return m;
    }

    /** Rooms, except and flags from a peer; {@code withFlags} false drops them as node does. */
    static BroadcastOptions readOpts(Object raw, boolean withFlags) {
        Map<String, Object> m = map(raw, "opts");
        BroadcastFlags flags = withFlags ? readFlags(m.get("flags")) : BroadcastFlags.NONE;
        return new BroadcastOptions(strings(m.get("rooms")), strings(m.get("except")), flags);
    }

    static BroadcastFlags readFlags(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return BroadcastFlags.NONE;
        }
        boolean volatile_ = truthy(m.get("volatile"));
        Duration timeout = m.get("timeout") instanceof Number n ? Duration.ofMillis(n.longValue()) : null;
        Boolean compress = m.get("compress") instanceof Boolean c ? c : null;
        return new BroadcastFlags(false, volatile_, timeout, compress); // a peer's local flag means its own node
    }

    /** A set of room names from a JSON/msgpack array (numbers as their text, as node's Set keeps them). */
    static Set<String> strings(Object raw) {
        if (raw == null) {
            return Set.of();
        }
        if (!(raw instanceof Collection<?> list)) {
            throw new MalformedMessageException("rooms are not an array");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object room : list) {
            if (room != null) {
                out.add(room instanceof Number n ? JsNumbers.toString(n.doubleValue()) : room.toString());
            }
        }
        return out;
    }

    static Map<String, Object> socket(SocketDetails s) {
        Map<String, Object> m = new LinkedHashMap<>(6);
        m.put("id", s.id());
        m.put("handshake", s.handshake());
        m.put("rooms", List.copyOf(s.rooms()));
        m.put("data", s.data());
        return m;
    }

    static List<Object> sockets(List<SocketDetails> details) {
        List<Object> out = new ArrayList<>(details.size());
        for (SocketDetails d : details) {
            out.add(socket(d));
        }
        return out;
    }

    /**
     * A socket a peer described. Nulls are dropped from the top of the handshake (SocketDetails
     * keeps no null there); data that is not an object (node allows any value) becomes empty.
     */
    static SocketDetails readSocket(Object raw) {
        Map<String, Object> m = map(raw, "socket");
        if (!(m.get("id") instanceof String id)) {
            throw new MalformedMessageException("a socket without an id");
        }
        Map<String, Object> handshake = new LinkedHashMap<>();
        if (m.get("handshake") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> {
                if (v != null) {
                    handshake.put(String.valueOf(k), v);
                }
            });
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        return new SocketDetails(id, handshake, strings(m.get("rooms")), data);
    }

    /** socket.io's hasBinary: a bin anywhere inside. */
    static boolean hasBinary(Object v) {
        if (v instanceof byte[] || v instanceof ByteBuffer) {
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            for (Object item : m.values()) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        } else if (v instanceof Collection<?> c) {
            for (Object item : c) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        } else if (v instanceof Object[] a) {
            for (Object item : a) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object raw, String what) {
        if (raw instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new MalformedMessageException(what + " is not an object");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object raw, String what) {
        if (raw instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new MalformedMessageException(what + " is not an array");
    }

    static int integer(Object raw, String what) {
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new MalformedMessageException(what + " is not an integer");
    }

    /** JavaScript truthiness of a decoded value. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** Decodes a request or response: JSON when it starts with '{' (as node checks), else msgpack. */
    static Object decode(byte[] message) {
        if (message.length > 0 && message[0] == '{') {
            return JsonReader.parse(new String(message, StandardCharsets.UTF_8));
        }
        return MsgpackDecoder.decode(message);
    }
}

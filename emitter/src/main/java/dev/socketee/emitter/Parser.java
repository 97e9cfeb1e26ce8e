package dev.socketee.emitter;

import dev.socketee.redis.wire.MsgpackEncoder;
import java.util.List;

/**
 * Encodes the broadcast messages, as node's emitter option {@code parser}: it must match the
 * {@code parser} the receiving redis adapters were created with. The default is
 * {@link #msgpack()}, what every adapter uses unless told otherwise. Requests
 * ({@code socketsJoin}, {@code serverSideEmit}, ...) are always JSON, as in node.
 */
@FunctionalInterface
public interface Parser {

    /**
     * The bytes to publish for {@code message}: {@code [uid, packet, opts]} as plain values
     * ({@code null}, Boolean, String, Long, java.math.BigInteger, Double, {@code byte[]},
     * {@code List<Object>}, {@code Map<String, Object>} in key order).
     */
    byte[] encode(List<Object> message);

    /** MessagePack byte for byte as notepack.io writes it (the redis adapter's default parser). */
    static Parser msgpack() {
        return MsgpackEncoder::encode;
    }
}

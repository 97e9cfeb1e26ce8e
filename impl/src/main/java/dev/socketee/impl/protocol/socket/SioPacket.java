package dev.socketee.impl.protocol.socket;

import java.util.List;

/**
 * A decoded Socket.IO packet from a client.
 * <ul>
 *   <li>CONNECT: {@code data} is the auth payload (a {@code RawJson} object) or null.</li>
 *   <li>EVENT / BINARY_EVENT: {@code event} is the name, {@code args} the arguments after it.</li>
 *   <li>ACK / BINARY_ACK: {@code args} are the acknowledgement arguments.</li>
 *   <li>DISCONNECT: no data.</li>
 * </ul>
 * Arguments of a text packet are {@code RawJson} values (parsed only when a handler asks);
 * arguments of a binary packet are plain Java values with {@code byte[]} where the
 * placeholders were.
 *
 * @param ackId the acknowledgement id, or -1 when none
 */
public record SioPacket(SioPacketType type, String namespace, long ackId, String event, List<Object> args, Object data) {

    public static final long NO_ACK = -1;

    public boolean hasAck() {
        return ackId >= 0;
    }
}

package dev.socketee;

import java.util.List;

/** An event from another node of the cluster ({@link OnServerEvent}). */
public interface ServerEvent {

    String event();

    String namespace();

    /** The arguments as plain values (maps, lists, strings, numbers, booleans, null, byte[]). */
    List<Object> args();

    /** Argument {@code index} bound to {@code type} (JSON-B). */
    <T> T arg(int index, Class<T> type);

    /** Whether the sender waits for one reply from this node. */
    boolean wantsAck();

    /** The reply to the sender (the first call counts; ignored when {@link #wantsAck()} is false). */
    void ack(Object value);
}

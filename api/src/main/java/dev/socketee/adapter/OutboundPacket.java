package dev.socketee.adapter;

import java.util.List;

/**
 * A Socket.IO packet handed to an adapter (node's {@code {type, nsp, data, id}}). The host made it
 * and can write it to its sockets in its own encoding (encoded once, whatever the fan-out); a
 * cluster adapter reads {@link #data()} to put it on the wire.
 */
public interface OutboundPacket {

    /** EVENT (2); binary attachments are found when encoding, as socket.io-parser does. */
    int EVENT = 2;

    int type();

    String namespace();

    /**
     * The payload as plain values: {@code [event, arg...]} for an EVENT, each value a
     * {@code Map<String,Object>}, {@code List<Object>}, String, Number, Boolean, null or byte[]
     * (objects the application emitted are converted on first call, once).
     */
    List<Object> data();

    /** About how many bytes the packet takes (what connection state recovery counts against its bound). */
    default long sizeEstimate() {
        return 16 + String.valueOf(data()).length();
    }
}

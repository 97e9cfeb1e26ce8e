package dev.socketee.impl.sio.broadcast;

import java.util.List;
import java.util.concurrent.TimeoutException;

/** Not every target of a broadcast acknowledged in time; {@link #replies()} holds those that did. */
public final class BroadcastAckTimeout extends TimeoutException {

    private final transient List<Object> replies;

    public BroadcastAckTimeout(String message, List<Object> replies) {
        super(message);
        this.replies = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(replies)); // replies may be null
    }

    public List<Object> replies() {
        return replies;
    }
}

package dev.socketee;

import java.util.List;
import java.util.concurrent.TimeoutException;

/** Not every target of a broadcast (or node of a server-side emit) answered in time; {@link #replies()} holds those that did. */
public class AckTimeoutException extends TimeoutException {

    private final transient List<AckReply> replies;

    public AckTimeoutException(String message, List<AckReply> replies) {
        super(message);
        this.replies = List.copyOf(replies);
    }

    public List<AckReply> replies() {
        return replies;
    }
}

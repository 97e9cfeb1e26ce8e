package dev.socketee.redis;

import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A cluster request (fetchSockets, serverSideEmitWithAck, ...) ran out of time before every node
 * answered. The message is node's; {@link #partialResults()} holds what did arrive (this node's
 * own part included for fetchSockets), so a caller can go on with them.
 */
public class ClusterTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    private final transient List<?> partialResults;

    public ClusterTimeoutException(String message, List<?> partialResults) {
        super(message);
        this.partialResults = List.copyOf(partialResults);
    }

    /** What arrived before the timeout, in arrival order: SocketDetails for fetchSockets, replies for acks. */
    public List<?> partialResults() {
        return partialResults;
    }
}

package dev.socketee.adapter;

import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A cross-node request that not every node answered in time (node's "timeout reached while waiting
 * for fetchSockets response"); {@link #partialResults()} holds what did arrive: socket details for
 * {@code fetchSockets}, one reply per answering node for {@code serverSideEmitWithAck}.
 */
public class ClusterTimeoutException extends TimeoutException {

    private final transient List<Object> partialResults;

    public ClusterTimeoutException(String message, List<?> partialResults) {
        super(message);
        this.partialResults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partialResults));
    }

    public List<Object> partialResults() {
        return partialResults;
    }
}

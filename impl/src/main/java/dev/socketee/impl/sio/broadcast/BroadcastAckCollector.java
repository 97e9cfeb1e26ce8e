package dev.socketee.impl.sio.broadcast;

import dev.socketee.impl.engine.Timeout;
import dev.socketee.impl.sio.Namespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the acknowledgements of one broadcast, as socket.io's BroadcastOperator does: done when
 * every node has reported how many sockets it wrote to (the server count is known and as many
 * client counts came) and that many replies arrived; at the timeout, failed with the replies so
 * far. Callbacks come from any thread (a broker's included); the result completes on the
 * namespace's callback executor, because what the caller chained to it is application code.
 */
final class BroadcastAckCollector extends Timeout {

    private final Namespace namespace;
    private final String event;
    private final Duration timeout;
    private final CompletableFuture<List<Object>> result = new CompletableFuture<>();
    private final List<Object> replies = new ArrayList<>();
    private int expectedServers = -1;
    private int reportingServers;
    private int expectedClients;
    private boolean done;

    BroadcastAckCollector(Namespace namespace, String event, Duration timeout) {
        this.namespace = namespace;
        this.event = event;
        this.timeout = timeout;
        namespace.timer().schedule(this, timeout.toMillis());
    }

    CompletableFuture<List<Object>> result() {
        return result;
    }

    void onClientCount(int count) {
        synchronized (this) {
            expectedClients += count;
            reportingServers++;
        }
        checkComplete();
    }

    void onAck(Object reply) {
        synchronized (this) {
            if (done) {
                return;
            }
            replies.add(reply);
        }
        checkComplete();
    }

    void onServerCount(int count) {
        synchronized (this) {
            expectedServers = count;
        }
        checkComplete();
    }

    private void checkComplete() {
        List<Object> all;
        synchronized (this) {
            if (done || expectedServers < 0 || reportingServers < expectedServers || replies.size() < expectedClients) {
                return;
            }
            done = true;
            all = java.util.Collections.unmodifiableList(new ArrayList<>(replies)); // a reply may be null
        }
        namespace.timer().cancel(this);
        namespace.callbacks().execute(() -> result.complete(all));
    }

    @Override
    protected void expire() {
        List<Object> partial;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            partial = new ArrayList<>(replies);
        }
        namespace.metrics().ackTimedOut();
        String message = "operation has timed out: " + partial.size() + " of "
                + (expectedServers < 0 || reportingServers < expectedServers ? "an unknown number of" : String.valueOf(expectedClients))
                + " acknowledgements for '" + event + "' within " + timeout.toMillis() + " ms";
        namespace.callbacks().execute(() -> result.completeExceptionally(new BroadcastAckTimeout(message, partial)));
    }
}

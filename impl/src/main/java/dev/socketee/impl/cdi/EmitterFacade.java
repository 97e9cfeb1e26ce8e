package dev.socketee.impl.cdi;

import dev.socketee.AckReply;
import dev.socketee.AckTimeoutException;
import dev.socketee.Emitter;
import dev.socketee.RemoteSocket;
import dev.socketee.impl.sio.broadcast.BroadcastAckTimeout;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** {@link Emitter} over the protocol core's immutable {@link BroadcastOperator}. */
final class EmitterFacade implements Emitter {

    private final BroadcastOperator operator;
    private final ArgumentBinder binder;

    EmitterFacade(BroadcastOperator operator, ArgumentBinder binder) {
        this.operator = operator;
        this.binder = binder;
    }

    @Override
    public Emitter to(String room) {
        return new EmitterFacade(operator.to(room), binder);
    }

    @Override
    public Emitter except(String room) {
        return new EmitterFacade(operator.except(room), binder);
    }

    @Override
    public Emitter local() {
        return new EmitterFacade(operator.local(), binder);
    }

    @Override
    public Emitter asVolatile() {
        return new EmitterFacade(operator.volatile_(), binder);
    }

    @Override
    public Emitter compress(boolean compress) {
        return new EmitterFacade(operator.compress(compress), binder);
    }

    @Override
    public Emitter timeout(Duration timeout) {
        return new EmitterFacade(operator.timeout(timeout), binder);
    }

    @Override
    public void emit(String event, Object... args) {
        operator.emit(event, Arrays.asList(args));
    }

    @Override
    public CompletionStage<List<AckReply>> emitWithAck(String event, Object... args) {
        // a new stage completed by hand, so callers see AckTimeoutException itself, not a CompletionException
        CompletableFuture<List<AckReply>> result = new CompletableFuture<>();
        operator.emitWithAck(event, Arrays.asList(args)).whenComplete((replies, error) -> {
            if (error == null) {
                result.complete(replies(replies, binder));
            } else {
                result.completeExceptionally(ackError(error, binder));
            }
        });
        return result;
    }

    /** Each reply (one value per socket or node) as an AckReply of one argument. */
    static List<AckReply> replies(List<Object> values, ArgumentBinder binder) {
        return values.stream().map(v -> (AckReply) new ClientArguments(java.util.Collections.singletonList(v), binder)).toList();
    }

    static Throwable ackError(Throwable error, ArgumentBinder binder) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof BroadcastAckTimeout t) {
            return new AckTimeoutException(t.getMessage(), replies(t.replies(), binder));
        }
        return cause;
    }

    @Override
    public void socketsJoin(String... rooms) {
        operator.socketsJoin(Set.of(rooms));
    }

    @Override
    public void socketsLeave(String... rooms) {
        operator.socketsLeave(Set.of(rooms));
    }

    @Override
    public void disconnectSockets(boolean close) {
        operator.disconnectSockets(close);
    }

    @Override
    public CompletionStage<List<RemoteSocket>> fetchSockets() {
        CompletableFuture<List<RemoteSocket>> result = new CompletableFuture<>();
        operator.fetchSockets().whenComplete((details, error) -> {
            if (error == null) {
                result.complete(details.stream().map(d -> (RemoteSocket) new RemoteSocketFacade(operator.namespace(), d)).toList());
            } else {
                result.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
        return result;
    }
}

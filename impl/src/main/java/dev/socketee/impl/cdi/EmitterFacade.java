package dev.socketee.impl.cdi;

import dev.socketee.Emitter;
import dev.socketee.impl.sio.broadcast.BroadcastOperator;
import java.util.Arrays;

/** {@link Emitter} over the protocol core's immutable {@link BroadcastOperator}. */
final class EmitterFacade implements Emitter {

    private final BroadcastOperator operator;

    EmitterFacade(BroadcastOperator operator) {
        this.operator = operator;
    }

    @Override
    public Emitter to(String room) {
        return new EmitterFacade(operator.to(room));
    }

    @Override
    public Emitter except(String room) {
        return new EmitterFacade(operator.except(room));
    }

    @Override
    public void emit(String event, Object... args) {
        operator.emit(event, Arrays.asList(args));
    }
}

package dev.socketee.impl.cdi;

import dev.socketee.AckReply;
import java.util.List;

/** The arguments of a client's acknowledgement, bound on demand. */
final class AckReplyImpl implements AckReply {

    private final List<Object> args;
    private final ArgumentBinder binder;

    AckReplyImpl(List<Object> args, ArgumentBinder binder) {
        this.args = args;
        this.binder = binder;
    }

    @Override
    public int size() {
        return args.size();
    }

    @Override
    public <T> T arg(int index, Class<T> type) {
        return index < args.size() ? binder.bind(args.get(index), type) : null;
    }

    @Override
    public List<Object> args() {
        return ArgumentBinder.plain(args);
    }
}

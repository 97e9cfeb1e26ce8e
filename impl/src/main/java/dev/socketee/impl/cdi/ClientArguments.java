package dev.socketee.impl.cdi;

import dev.socketee.AckReply;
import java.util.List;

/**
 * Arguments received from a client (event arguments or an acknowledgement), bound on demand:
 * raw JSON for text packets, plain values with byte[] for binary ones.
 */
class ClientArguments implements AckReply {

    private final List<Object> args;
    private final ArgumentBinder binder;

    ClientArguments(List<Object> args, ArgumentBinder binder) {
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

    public <T> T arg(int index, java.lang.reflect.Type type) {
        return index < args.size() ? binder.bind(args.get(index), type) : null;
    }

    public String json(int index) {
        return index < args.size() ? ArgumentBinder.json(args.get(index)) : null;
    }

    @Override
    public List<Object> args() {
        return ArgumentBinder.plain(args);
    }

    List<Object> raw() {
        return args;
    }

    ArgumentBinder binder() {
        return binder;
    }
}

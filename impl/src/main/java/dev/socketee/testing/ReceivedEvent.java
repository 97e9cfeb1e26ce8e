package dev.socketee.testing;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An event the server emitted to a {@link SocketTestClient}: name, arguments as plain Java values
 * ({@code Map}, {@code List}, {@code String}, numbers, {@code Boolean}, {@code null},
 * {@code byte[]}), and, when the server asked for one, the means to acknowledge it.
 */
public final class ReceivedEvent {

    private final String name;
    private final List<Object> args;
    private final Consumer<List<Object>> acker;

    ReceivedEvent(String name, List<Object> args, Consumer<List<Object>> acker) {
        this.name = name;
        this.args = args;
        this.acker = acker;
    }

    public String name() {
        return name;
    }

    public List<Object> args() {
        return args;
    }

    /** The argument at {@code index} as a plain value (see the class comment), or null past the end. */
    public Object arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }

    /**
     * The argument at {@code index} bound to {@code type} with JSON-B's defaults (a record, a POJO,
     * a {@code String}...), as a client's JSON.parse and a cast would; binary inside it is not supported.
     */
    public <T> T arg(int index, Class<T> type) {
        Object v = arg(index);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        return Binding.JSONB.fromJson(dev.socketee.impl.json.JsonWriter.write(v), type);
    }

    /** Created at the first typed read only: the kit needs no JSON-B provider otherwise. */
    private static final class Binding {
        static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();
    }

    /** Whether the server waits for an acknowledgement. */
    public boolean wantsAck() {
        return acker != null;
    }

    /** Acknowledges the event with these arguments. */
    public void ack(Object... ackArgs) {
        if (acker == null) {
            throw new IllegalStateException("The server did not ask for an ack of '" + name + "'");
        }
        acker.accept(Arrays.asList(ackArgs));
    }

    @Override
    public String toString() {
        return name + args;
    }

}

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

package dev.socketee.impl.sio;

import java.util.List;

/**
 * Handles one event of a namespace. {@code args} are {@code RawJson} values for text packets
 * and plain Java values (with {@code byte[]}) for binary ones; {@code ack} is null when the
 * client asked for none. The internal registry of the protocol core; the CDI layer builds these.
 */
@FunctionalInterface
public interface EventHandler {
    void onEvent(SioSocket socket, String event, List<Object> args, Ack ack) throws Exception;
}

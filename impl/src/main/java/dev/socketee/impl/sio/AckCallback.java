package dev.socketee.impl.sio;

import java.util.List;

/** Receives the arguments of the client's acknowledgement of a server emit. */
@FunctionalInterface
public interface AckCallback {
    void onAck(List<Object> args);
}

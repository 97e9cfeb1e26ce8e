package dev.socketee.emitter;

/**
 * The {@code type} numbers of the requests between nodes, as @socket.io/redis-adapter numbers them
 * (its {@code RequestType} enum); the emitter sends only the ones it can: it has no sockets and
 * never waits for an answer.
 */
enum RequestType {
    SOCKETS(0), ALL_ROOMS(1), REMOTE_JOIN(2), REMOTE_LEAVE(3), REMOTE_DISCONNECT(4), REMOTE_FETCH(5),
    SERVER_SIDE_EMIT(6);

    final long wire;

    RequestType(int wire) {
        this.wire = wire;
    }
}

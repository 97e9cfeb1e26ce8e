package dev.socketee.impl.sio.adapter;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rooms of one namespace (socket.io-adapter's job): who is in which room, and the set of
 * sockets a broadcast reaches. Never touches a transport; cluster adapters extend this later.
 *
 * @param <S> the socket type
 */
public interface RoomAdapter<S> {

    void add(S socket, String room);

    void remove(S socket, String room);

    /** Removes the socket from every room it is in. */
    void removeAll(S socket, Collection<String> rooms);

    /** Members of a room (a snapshot). */
    Set<S> members(String room);

    /**
     * Visits each socket once: members of any of {@code rooms} (every socket of the namespace when
     * empty), minus members of any of {@code except}.
     */
    void forEachTarget(Set<String> rooms, Set<String> except, Collection<S> all, Consumer<S> action);
}

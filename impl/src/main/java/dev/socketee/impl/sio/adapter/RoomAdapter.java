package dev.socketee.impl.sio.adapter;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Rooms of one namespace (socket.io-adapter's job): the only record of who is in which room,
 * keyed by socket id, and the set of sockets a broadcast reaches. Never touches a transport;
 * cluster adapters extend this later.
 *
 * <p>Calls for one socket id are made one at a time (the socket serialises its joins, leaves and
 * its close); calls for different ids may run concurrently.
 */
public interface RoomAdapter {

    /** Adds the socket to each room (node's {@code addAll}). */
    void addAll(String socketId, Set<String> rooms);

    /** Removes the socket from one room (node's {@code del}). */
    void del(String socketId, String room);

    /** Removes the socket from every room it is in (node's {@code delAll}). */
    void delAll(String socketId);

    /** The rooms of a socket (a snapshot; empty when it is in none). */
    Set<String> socketRooms(String socketId);

    /** The ids of a room's members (a snapshot). */
    Set<String> sockets(String room);

    /** Every room that has a member now (a snapshot). */
    Set<String> rooms();

    /**
     * Visits each socket id once: members of any of {@code rooms} (every socket added and not yet
     * removed with {@link #delAll} when empty), minus members of any of
     * {@code except}.
     */
    void forEachTarget(Set<String> rooms, Set<String> except, Consumer<String> action);
}

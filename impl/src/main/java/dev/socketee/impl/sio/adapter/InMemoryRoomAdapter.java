package dev.socketee.impl.sio.adapter;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Rooms of one namespace in this JVM, as socket.io-adapter's in-memory adapter: {@code rooms}
 * (room -> socket ids) and {@code sids} (socket id -> rooms), nothing else. Concurrent maps, so
 * joins and broadcasts never block each other. An emptied room is removed; a socket's
 * entry lives from its first {@link #addAll} to {@link #delAll}, so {@code sids} holds exactly the
 * connected sockets.
 */
public final class InMemoryRoomAdapter implements RoomAdapter {

    private final ConcurrentHashMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> sids = new ConcurrentHashMap<>();

    @Override
    public void addAll(String socketId, Set<String> socketRooms) {
        Set<String> own = sids.computeIfAbsent(socketId, id -> ConcurrentHashMap.newKeySet());
        for (String room : socketRooms) {
            if (own.add(room)) {
                rooms.compute(room, (r, members) -> { // inside the update: never into a set another socket's leave just dropped
                    Set<String> m = members != null ? members : ConcurrentHashMap.newKeySet();
                    m.add(socketId);
                    return m;
                });
            }
        }
    }

    @Override
    public void del(String socketId, String room) {
        Set<String> own = sids.get(socketId);
        if (own != null && own.remove(room)) { // the sids entry stays until delAll: the socket is still here
            leaveRoom(socketId, room);
        }
    }

    @Override
    public void delAll(String socketId) {
        Set<String> own = sids.remove(socketId);
        if (own != null) {
            for (String room : own) {
                leaveRoom(socketId, room);
            }
        }
    }

    /** Atomic per room, so a join of another socket never lands in a room being dropped. */
    private void leaveRoom(String socketId, String room) {
        rooms.computeIfPresent(room, (r, members) -> {
            members.remove(socketId);
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        Set<String> own = sids.get(socketId);
        return own == null ? Set.of() : Set.copyOf(own);
    }

    @Override
    public Set<String> sockets(String room) {
        Set<String> members = rooms.get(room);
        return members == null ? Set.of() : Set.copyOf(members);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public void forEachTarget(Set<String> targetRooms, Set<String> except, Consumer<String> action) {
        Set<String> excluded = except.isEmpty() ? Set.of() : collect(except);
        Iterable<String> targets;
        if (targetRooms.isEmpty()) {
            targets = sids.keySet();
        } else if (targetRooms.size() == 1) {
            Set<String> members = rooms.get(targetRooms.iterator().next());
            targets = members == null ? Set.of() : members;
        } else {
            targets = collect(targetRooms); // union: each socket once
        }
        for (String id : targets) {
            if (!excluded.contains(id)) {
                action.accept(id);
            }
        }
    }

    private Set<String> collect(Set<String> names) {
        Set<String> out = new HashSet<>();
        for (String room : names) {
            Set<String> members = rooms.get(room);
            if (members != null) {
                out.addAll(members);
            }
        }
        return out;
    }
}

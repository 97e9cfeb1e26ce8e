package dev.socketee.impl.sio.adapter;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Rooms of one namespace in this JVM; concurrent maps so joins and broadcasts never block each other. */
public final class InMemoryRoomAdapter<S> implements RoomAdapter<S> {

    private final ConcurrentHashMap<String, Set<S>> rooms = new ConcurrentHashMap<>();

    @Override
    public void add(S socket, String room) {
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    @Override
    public void remove(S socket, String room) {
        rooms.computeIfPresent(room, (r, members) -> {
            members.remove(socket);
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public void removeAll(S socket, Collection<String> socketRooms) {
        for (String room : socketRooms) {
            remove(socket, room);
        }
    }

    @Override
    public Set<S> members(String room) {
        Set<S> members = rooms.get(room);
        return members == null ? Set.of() : Set.copyOf(members);
    }

    @Override
    public void forEachTarget(Set<String> targetRooms, Set<String> except, Collection<S> all, Consumer<S> action) {
        Set<S> excluded = except.isEmpty() ? Set.of() : collect(except);
        if (targetRooms.isEmpty()) {
            for (S s : all) {
                if (!excluded.contains(s)) {
                    action.accept(s);
                }
            }
            return;
        }
        if (targetRooms.size() == 1) {
            Set<S> members = rooms.get(targetRooms.iterator().next());
            if (members != null) {
                for (S s : members) {
                    if (!excluded.contains(s)) {
                        action.accept(s);
                    }
                }
            }
            return;
        }
        for (S s : collect(targetRooms)) { // union: each socket once
            if (!excluded.contains(s)) {
                action.accept(s);
            }
        }
    }

    private Set<S> collect(Set<String> names) {
        Set<S> out = new HashSet<>();
        for (String room : names) {
            Set<S> members = rooms.get(room);
            if (members != null) {
                out.addAll(members);
            }
        }
        return out;
    }
}

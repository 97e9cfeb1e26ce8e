package dev.socketee.adapter;

import java.util.Set;

/**
 * Who a broadcast or a cluster operation reaches (socket.io-adapter's {@code BroadcastOptions}): the
 * sockets in any of {@code rooms} (every socket of the namespace when empty), minus those in any of
 * {@code except}. A socket id is a room too.
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, BroadcastFlags flags) {

    public BroadcastOptions {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
        flags = flags == null ? BroadcastFlags.NONE : flags;
    }

    public static BroadcastOptions all() {
        return new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.NONE);
    }

    public static BroadcastOptions rooms(Set<String> rooms) {
        return new BroadcastOptions(rooms, Set.of(), BroadcastFlags.NONE);
    }
}

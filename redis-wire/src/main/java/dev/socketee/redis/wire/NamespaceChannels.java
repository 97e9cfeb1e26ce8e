package dev.socketee.redis.wire;

import java.util.Collection;
import java.util.Objects;

/**
 * The Pub/Sub channels of one namespace, named as node's redis adapter (classic and sharded) and
 * redis emitter name them; {@code key} is their {@code key} / {@code channelPrefix} option
 * ({@code socket.io} by default) and {@code nsp} the namespace with its slash.
 *
 * <pre>{@code
 * NamespaceChannels chat = new NamespaceChannels("socket.io", "/chat");
 * chat.broadcast();        // socket.io#/chat#
 * chat.room("r1");         // socket.io#/chat#r1#
 * chat.request();          // socket.io-request#/chat#
 * chat.response("Ab3dE6"); // socket.io-response#/chat#Ab3dE6#
 * }</pre>
 */
public record NamespaceChannels(String key, String nsp) {

    public NamespaceChannels {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nsp, "nsp");
    }

    /** {@code <key>#<nsp>#}: classic broadcasts (psubscribed with a {@code *} after it), and every sharded message. */
    public String broadcast() {
        return key + "#" + nsp + "#";
    }

    /**
     * {@code <key>#<nsp>#<room>#}: a broadcast to exactly that room, so a node with no member of it
     * can skip it unread. The sharded adapter also takes a node's uid for {@code room}: its
     * responses come on that channel.
     */
    public String room(String room) {
        return broadcast() + room + "#";
    }

    /** Where a classic broadcast to {@code rooms} goes: the room's channel when there is exactly one. */
    public String broadcastTo(Collection<String> rooms) {
        return rooms.size() == 1 ? room(rooms.iterator().next()) : broadcast();
    }

    /**
     * The room a message on {@code channel} (one of the {@link #broadcast()} pattern) was sent to:
     * {@code ""} for the namespace's own channel, {@code null} for a channel of another namespace.
     */
    public String roomOf(String channel) {
        String prefix = broadcast();
        if (!channel.startsWith(prefix)) {
            return null;
        }
        return channel.length() > prefix.length() ? channel.substring(prefix.length(), channel.length() - 1) : "";
    }

    /** {@code <key>-request#<nsp>#}: the classic adapter's requests, and the emitter's. */
    public String request() {
        return key + "-request#" + nsp + "#";
    }

    /** {@code <key>-response#<nsp>#}: the classic adapter's responses to any node. */
    public String response() {
        return key + "-response#" + nsp + "#";
    }

    /** {@code <key>-response#<nsp>#<uid>#}: the responses to one node ({@code publishOnSpecificResponseChannel}). */
    public String response(String uid) {
        return response() + uid + "#";
    }
}

package dev.socketee.impl.sio;

import java.util.Arrays;
import java.util.List;

/**
 * A client's sockets, one per namespace it joined: a copy-on-write array (nearly every client joins
 * one namespace, a handful at most), so a packet's lookup is one volatile read and a scan with no
 * lock, and an idle connection keeps one small array instead of a concurrent map. Writers (connect,
 * leave, close: rare) replace the array under this object's lock.
 */
final class NamespaceSockets {

    private static final SioSocket[] NONE = new SioSocket[0];

    private volatile SioSocket[] sockets = NONE;

    /** The socket of namespace {@code name}, or null. */
    SioSocket get(String name) {
        for (SioSocket s : sockets) {
            if (s.namespace().name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    boolean contains(String name) {
        return get(name) != null;
    }

    int size() {
        return sockets.length;
    }

    boolean isEmpty() {
        return sockets.length == 0;
    }

    /** Adds {@code socket} unless its namespace has one already; whether it was added. */
    synchronized boolean addIfAbsent(SioSocket socket) {
        if (contains(socket.namespace().name())) {
            return false;
        }
        SioSocket[] now = Arrays.copyOf(sockets, sockets.length + 1);
        now[now.length - 1] = socket;
        sockets = now;
        return true;
    }

    /** Removes {@code socket} itself (not another socket of its namespace). */
    synchronized void remove(SioSocket socket) {
        SioSocket[] now = sockets;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == socket) {
                SioSocket[] less = new SioSocket[now.length - 1];
                System.arraycopy(now, 0, less, 0, i);
                System.arraycopy(now, i + 1, less, i, less.length - i);
                sockets = less.length == 0 ? NONE : less;
                return;
            }
        }
    }

    /** A snapshot, to walk while sockets leave. */
    List<SioSocket> snapshot() {
        return List.of(sockets);
    }

    synchronized void clear() {
        sockets = NONE;
    }
}

package dev.socketee.impl.sio.broadcast;

import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import dev.socketee.impl.sio.Namespace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a broadcast goes to, as in socket.io: immutable, {@link #to} and {@link #except} return new
 * operators. {@link #emit} encodes the packet once and writes the same bytes to every target.
 */
public final class BroadcastOperator {

    private final Namespace namespace;
    private final Set<String> rooms;
    private final Set<String> except;

    public BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except) {
        this.namespace = namespace;
        this.rooms = Set.copyOf(rooms);
        this.except = Set.copyOf(except);
    }

    public BroadcastOperator to(String room) {
        Set<String> r = new HashSet<>(rooms);
        r.add(room);
        return new BroadcastOperator(namespace, r, except);
    }

    public BroadcastOperator except(String room) {
        Set<String> e = new HashSet<>(except);
        e.add(room);
        return new BroadcastOperator(namespace, rooms, e);
    }

    public void emit(String event, List<?> args) {
        EncodedSioPacket packet = SioPacketEncoder.event(namespace.name(), event, args, SioPacket.NO_ACK, namespace.jsonFallback());
        namespace.broadcast(packet, rooms, except);
    }

    public void emit(String event, Object... args) {
        emit(event, java.util.Arrays.asList(args));
    }
}

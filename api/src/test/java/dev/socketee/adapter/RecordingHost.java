package dev.socketee.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A NamespaceHost whose sockets are ids: it records what the adapter wrote to whom. */
final class RecordingHost implements NamespaceHost {

    record Write(String socketId, OutboundPacket packet) {
    }

    record Plain(List<Object> data) implements OutboundPacket {
        @Override
        public int type() {
            return EVENT;
        }

        @Override
        public String namespace() {
            return "/";
        }
    }

    final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    final Set<String> connected = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public String name() {
        return "/";
    }

    @Override
    public OutboundPacket packet(int type, List<Object> data) {
        return new Plain(data);
    }

    @Override
    public OutboundPacket withAckId(OutboundPacket packet, long ackId) {
        return packet;
    }

    @Override
    public long nextAckId() {
        return ids.getAndIncrement();
    }

    @Override
    public boolean isConnected(String socketId) {
        return connected.contains(socketId);
    }

    @Override
    public boolean write(String socketId, OutboundPacket packet, BroadcastFlags flags) {
        writes.add(new Write(socketId, packet));
        return true;
    }

    @Override
    public boolean writeWithAck(String socketId, OutboundPacket packet, BroadcastFlags flags, Consumer<Object> ack) {
        writes.add(new Write(socketId, packet));
        ack.accept("ack from " + socketId);
        return true;
    }

    @Override
    public Optional<SocketDetails> details(String socketId) {
        return Optional.of(new SocketDetails(socketId, java.util.Map.of(), Set.of(socketId), java.util.Map.of()));
    }

    @Override
    public void join(String socketId, Set<String> rooms) {
    }

    @Override
    public void leave(String socketId, Set<String> rooms) {
    }

    @Override
    public void disconnect(String socketId, boolean close) {
    }

    @Override
    public void onServerSideEmit(List<Object> data, ServerSideAck ack) {
    }
}

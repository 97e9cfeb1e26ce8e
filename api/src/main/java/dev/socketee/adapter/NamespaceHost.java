package dev.socketee.adapter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an adapter may do to the sockets of its namespace on this node (node's {@code this.nsp}).
 * Every method acts locally and never blocks; a socket id that is not connected here is ignored.
 * Safe to call from any thread (a broker's I/O thread included): handlers the application wrote
 * are never run on the caller's thread.
 */
public interface NamespaceHost {

    /** The namespace name, e.g. {@code "/chat"}. */
    String name();

    /** A packet from plain values (as {@link OutboundPacket#data()}), e.g. one a peer published. */
    OutboundPacket packet(int type, List<Object> data);

    /**
     * Connection state recovery of this namespace's server, or null when it is off (node's
     * {@code server.opts.connectionStateRecovery}, which its adapters read too).
     */
    default RecoveryOptions recovery() {
        return null;
    }

    /**
     * The same EVENT with {@code offset} appended as its last argument, as node sends a packet it
     * keeps for recovery (the client remembers the last string argument it got as its offset).
     */
    default OutboundPacket withOffset(OutboundPacket packet, String offset) {
        List<Object> data = new java.util.ArrayList<>(packet.data());
        data.add(offset);
        return packet(packet.type(), data);
    }

    /** The same packet carrying an acknowledgement id (node's {@code packet.id}). */
    OutboundPacket withAckId(OutboundPacket packet, long ackId);

    /** A fresh acknowledgement id, unique in the namespace (node's {@code nsp._ids++}). */
    long nextAckId();

    /** Whether the socket is connected to this namespace here. */
    boolean isConnected(String socketId);

    /**
     * Writes the packet to one socket, in an encoding the host makes once per packet; with
     * {@code flags.volatile_()}, not if the socket's transport cannot take it now. False if the
     * socket is not here.
     */
    boolean write(String socketId, OutboundPacket packet, BroadcastFlags flags);

    /** As {@link #write}, the socket calling {@code ack} with the first argument of its reply. */
    boolean writeWithAck(String socketId, OutboundPacket packet, BroadcastFlags flags, Consumer<Object> ack);

    /** Id, handshake, rooms and session data of a local socket. */
    Optional<SocketDetails> details(String socketId);

    /** Makes a local socket join rooms. */
    void join(String socketId, Set<String> rooms);

    /** Makes a local socket leave rooms. */
    void leave(String socketId, Set<String> rooms);

    /** Disconnects a local socket; with {@code close}, its whole connection. */
    void disconnect(String socketId, boolean close);

    /**
     * A server-side emit from another node reached this one: {@code data} is {@code [event, arg...]};
     * {@code ack} is null unless the sender waits for one reply per node.
     */
    void onServerSideEmit(List<Object> data, ServerSideAck ack);
}

package dev.socketee.admin;

import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.BroadcastOptions;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.NamespaceHost;
import dev.socketee.adapter.OutboundPacket;
import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cluster of servers in one JVM, without a broker: each namespace's adapter hands broadcasts,
 * disconnects and server-side emits to the same namespace's adapters of the other servers, the
 * values through JSON as a broker would carry them. Enough for what the Admin UI asks of a cluster.
 */
final class LinkedNodes {

    private final Map<String, List<Linked>> byNamespace = new ConcurrentHashMap<>();

    AdapterFactory factory() {
        return host -> {
            Linked a = new Linked(host);
            byNamespace.computeIfAbsent(host.name(), k -> new CopyOnWriteArrayList<>()).add(a);
            return a;
        };
    }

    private static Object overTheWire(Object value) {
        return JsonReader.parse(JsonWriter.write(value));
    }

    final class Linked extends InMemoryAdapter {

        Linked(NamespaceHost host) {
            super(host);
        }

        private List<Linked> peers() {
            List<Linked> out = new ArrayList<>(byNamespace.getOrDefault(host.name(), List.of()));
            out.remove(this);
            return out;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void broadcast(OutboundPacket packet, BroadcastOptions options) {
            super.broadcast(packet, options);
            if (!options.flags().local()) {
                for (Linked peer : peers()) {
                    peer.localBroadcast(peer.host.packet(OutboundPacket.EVENT, (List<Object>) overTheWire(packet.data())), options);
                }
            }
        }

        private void localBroadcast(OutboundPacket packet, BroadcastOptions options) {
            super.broadcast(packet, options);
        }

        @Override
        public void disconnectSockets(BroadcastOptions options, boolean close) {
            super.disconnectSockets(options, close);
            peers().forEach(p -> p.localDisconnect(options, close));
        }

        private void localDisconnect(BroadcastOptions options, boolean close) {
            super.disconnectSockets(options, close);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serverSideEmit(List<Object> data) {
            peers().forEach(p -> p.host.onServerSideEmit((List<Object>) overTheWire(data), null));
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<List<Object>> serverSideEmitWithAck(List<Object> data) {
            List<CompletableFuture<Object>> replies = new ArrayList<>();
            for (Linked p : peers()) {
                CompletableFuture<Object> reply = new CompletableFuture<>();
                replies.add(reply);
                p.host.onServerSideEmit((List<Object>) overTheWire(data), value -> reply.complete(overTheWire(value)));
            }
            return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                    .thenApply(x -> replies.stream().map(CompletableFuture::join).toList());
        }
    }
}

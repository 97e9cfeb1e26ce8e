package dev.socketee.admin;

import dev.socketee.impl.sio.Client;
import dev.socketee.impl.sio.SioObserver;
import dev.socketee.impl.sio.SioSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Admin UI is told while someone watches (node's {@code registerVerboseListeners} and
 * {@code registerEngineListeners}): counts for the charts always; in development mode also each
 * socket connected and disconnected, each room joined and left, each event in and out, with a
 * timestamp as node's {@code new Date()} travels (ISO 8601 in UTC, milliseconds). Events of the
 * admin namespace itself are not reported (they are this feed).
 */
final class AdminCapture implements SioObserver {

    private final String adminNamespace;
    private final boolean development;
    private final AdminFeed feed;
    private final EventBuffer buffer;
    private final Clock clock;
    /** The transport each listed local socket was shown with: an upgrade since is told at the next tick (development mode). */
    private final Map<SioSocket, String> shownTransports = new ConcurrentHashMap<>();

    AdminCapture(String adminNamespace, boolean development, AdminFeed feed, EventBuffer buffer, Clock clock) {
        this.adminNamespace = adminNamespace;
        this.development = development;
        this.feed = feed;
        this.buffer = buffer;
        this.clock = clock;
    }

    static String timestamp(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private String now() {
        return timestamp(clock.instant());
    }

    @Override
    public void connectionOpened(Client client) {
        buffer.push("rawConnection", null, 1);
    }

    @Override
    public void connectionClosed(Client client, String reason) {
        buffer.push("rawDisconnection", reason, 1);
    }

    @Override
    public void messageIn(int size) {
        buffer.push("packetsIn", null, 1);
        buffer.push("bytesIn", null, size);
    }

    @Override
    public void messagesOut(int count, int size) {
        buffer.push("packetsOut", null, count);
        buffer.push("bytesOut", null, size);
    }

    @Override
    public void socketConnected(SioSocket socket) {
        if (development) {
            feed.send("socket_connected", List.of(shown(socket), now()));
        }
    }

    /** The socket as the UI lists it, its transport remembered so that an upgrade can be told. */
    Map<String, Object> shown(SioSocket socket) {
        Map<String, Object> view = AdminSocketView.of(socket);
        if (development) {
            shownTransports.put(socket, String.valueOf(view.get("transport")));
        }
        return view;
    }

    /**
     * Tells {@code socket_updated} for each listed socket whose connection upgraded since (node
     * hears the engine's upgrade event; here the tick looks, so the UI learns it within an interval).
     */
    void tellUpgrades() {
        shownTransports.forEach((socket, shown) -> {
            String now = socket.client().engine().transport();
            if (!now.equals(shown) && shownTransports.replace(socket, shown, now)) {
                feed.send("socket_updated", List.of(Map.of("id", socket.id(), "nsp", socket.namespace().name(), "transport", now)));
            }
        });
    }

    /** Nobody watches any more: nothing to remember. */
    void forget() {
        shownTransports.clear();
    }

    @Override
    public void socketDisconnected(SioSocket socket, String reason, Set<String> rooms) {
        if (!development) {
            return;
        }
        shownTransports.remove(socket);
        String nsp = socket.namespace().name();
        for (String room : rooms) { // node's adapter tells each room left on the way out
            feed.send("room_left", List.of(nsp, room, socket.id(), now()));
        }
        feed.send("socket_disconnected", List.of(nsp, socket.id(), reason, now()));
    }

    @Override
    public void roomJoined(SioSocket socket, String room) {
        if (development) {
            feed.send("room_joined", List.of(socket.namespace().name(), room, socket.id(), now()));
        }
    }

    @Override
    public void roomLeft(SioSocket socket, String room) {
        if (development) {
            feed.send("room_left", List.of(socket.namespace().name(), room, socket.id(), now()));
        }
    }

    @Override
    public void eventReceived(SioSocket socket, String event, List<Object> args) {
        event("event_received", socket, event, args);
    }

    @Override
    public void eventSent(SioSocket socket, String event, List<?> args) {
        event("event_sent", socket, event, args);
    }

    private void event(String type, SioSocket socket, String event, List<?> args) {
        if (!development || socket.namespace().name().equals(adminNamespace)) {
            return;
        }
        List<Object> eventAndArgs = new ArrayList<>(args.size() + 1);
        eventAndArgs.add(event);
        eventAndArgs.addAll(args);
        feed.send(type, List.of(socket.namespace().name(), socket.id(), eventAndArgs, now()));
    }
}

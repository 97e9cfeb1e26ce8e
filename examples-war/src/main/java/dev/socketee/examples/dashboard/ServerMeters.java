package dev.socketee.examples.dashboard;

import dev.socketee.MeterReading;
import java.util.List;

/** Turns {@code SocketIo.meters()} into {@link ServerFigures}: sums of gauges now, counters as a rate since the last call. */
final class ServerMeters {

    private long lastEventsIn = -1;
    private long lastEventsOut = -1;

    /** Null when metrics are off (no meters). Called once a second by one thread. */
    ServerFigures sample(List<MeterReading> meters) {
        if (meters.isEmpty()) {
            return null;
        }
        long sockets = sum(meters, "socketee.sockets.connected", null, null);
        long websocket = sum(meters, "socketee.engine.sessions", "transport", "websocket");
        long polling = sum(meters, "socketee.engine.sessions", "transport", "polling");
        long in = sum(meters, "socketee.events.in", null, null);
        long out = sum(meters, "socketee.events.out", null, null);
        long inRate = lastEventsIn < 0 ? 0 : in - lastEventsIn;
        long outRate = lastEventsOut < 0 ? 0 : out - lastEventsOut;
        lastEventsIn = in;
        lastEventsOut = out;
        return new ServerFigures(sockets, websocket, polling, inRate, outRate);
    }

    private static long sum(List<MeterReading> meters, String name, String tag, String value) {
        double total = 0;
        for (MeterReading m : meters) {
            if (m.name().equals(name) && (tag == null || value.equals(m.tags().get(tag)))) {
                total += m.value();
            }
        }
        return Math.round(total);
    }
}

package dev.socketee.examples.dashboard;

/**
 * What the dashboard shows of Socketee's meters ({@code SocketIo.meters()}).
 *
 * @param sockets             sockets connected now, all namespaces ({@code socketee.sockets.connected})
 * @param websocketSessions   Engine.IO sessions on websocket now ({@code socketee.engine.sessions})
 * @param pollingSessions     Engine.IO sessions on long-polling now
 * @param eventsInPerSecond   events received from clients in the last second ({@code socketee.events.in})
 * @param eventsOutPerSecond  events written to sockets in the last second ({@code socketee.events.out})
 */
public record ServerFigures(long sockets, long websocketSessions, long pollingSessions,
                            long eventsInPerSecond, long eventsOutPerSecond) {
}

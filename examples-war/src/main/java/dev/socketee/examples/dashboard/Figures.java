package dev.socketee.examples.dashboard;

/**
 * One sample pushed to the dashboard (serialized by JSON-B).
 *
 * @param time            epoch milliseconds
 * @param heapUsedMb      used heap in MiB
 * @param cpuLoad         process CPU load, 0..1, or -1 when the JVM does not tell
 * @param clients         sockets connected to /dashboard
 * @param eventsPerSecond events handled by the example handlers in the last second
 * @param server          Socketee's own meters (README "Health and metrics"), or null while metrics are off
 */
public record Figures(long time, double heapUsedMb, double cpuLoad, int clients, long eventsPerSecond, ServerFigures server) {
}

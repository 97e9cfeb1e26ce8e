package dev.socketee.impl.health;

import java.util.Map;

/** One health check's answer: up or down, and what it looked at (shown in the server's health JSON). */
public record HealthCheckResult(String name, boolean up, Map<String, String> data) {
}

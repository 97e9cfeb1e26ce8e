package dev.socketee.tck.cdi;

/** A sensor reading whose temperature only the application's JSON-B configuration knows how to write. */
public record Reading(Celsius temperature, String sensor) {
}

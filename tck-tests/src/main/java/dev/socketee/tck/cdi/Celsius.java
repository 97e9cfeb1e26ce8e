package dev.socketee.tck.cdi;

/** A temperature, written as a string like "21.5C" by the application's JSON-B adapter ({@link JsonbSettings}). */
public record Celsius(double value) {
}

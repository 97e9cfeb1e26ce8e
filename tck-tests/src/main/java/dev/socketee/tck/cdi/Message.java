package dev.socketee.tck.cdi;

/** A typed payload bound with JSON-B. */
public record Message(String text, int n) {
}

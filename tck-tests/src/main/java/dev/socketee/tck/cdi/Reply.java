package dev.socketee.tck.cdi;

/** A typed reply written with JSON-B. */
public record Reply(String text, int n, int count) {
}

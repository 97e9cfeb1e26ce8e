package dev.socketee.testing.junit5.app;

/** What the connect handler tells a client it saw of the handshake. */
public record Greeting(String id, String user, String client, String room, String principal, String cart) {
}

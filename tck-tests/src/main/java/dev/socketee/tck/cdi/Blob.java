package dev.socketee.tck.cdi;

/** A named binary payload: the bytes travel as a Socket.IO attachment (a Buffer on node). */
public record Blob(String name, byte[] data) {
}

package dev.socketee.adapter;

/** The reply to one server-side emit, sent back to the node that emitted (one value, as node). */
@FunctionalInterface
public interface ServerSideAck {
    void reply(Object value);
}

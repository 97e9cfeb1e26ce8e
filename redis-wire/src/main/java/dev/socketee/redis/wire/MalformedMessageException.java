package dev.socketee.redis.wire;

/**
 * Bytes from Redis that are not what the protocol says: not MessagePack or JSON, or not the shape a
 * message must have. A receiver logs it (rate-limited) and drops the message.
 */
public final class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message, null, false, false); // thrown per bad message: no stack trace to fill
    }
}

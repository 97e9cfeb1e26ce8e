package dev.socketee.redis;

/** A message from Redis that is not what the protocol says: it is logged (rate-limited) and dropped. */
final class MalformedMessageException extends RuntimeException {

    MalformedMessageException(String message) {
        super(message, null, false, false); // thrown per bad message: no stack trace to fill
    }
}

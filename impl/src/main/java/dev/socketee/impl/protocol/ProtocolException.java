package dev.socketee.impl.protocol;

/**
 * The one exception the codecs throw for input that breaks the Engine.IO or Socket.IO wire
 * format. Whoever catches it closes that session with reason "parse error"; it never reaches
 * a container thread.
 */
public final class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message, null, false, false); // no stack trace: bad input is routine, not a bug
    }
}

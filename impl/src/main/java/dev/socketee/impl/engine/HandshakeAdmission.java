package dev.socketee.impl.engine;

/**
 * The seam through which the layers above may refuse a handshake before any session exists
 * (node's {@code allowRequest}); the servlet asks it about every request without a sid, on the
 * container's thread, so an implementation must not block. The CDI layer puts the application's
 * {@code ConnectionAdmission} beans behind it.
 */
@FunctionalInterface
public interface HandshakeAdmission {

    /** Lets every handshake in. */
    HandshakeAdmission ADMIT_ALL = handshake -> null;

    /** Null to admit, else how to refuse. */
    Refusal check(HandshakeInfo handshake);

    /** The HTTP answer of a refused handshake: {@code status} and {@code {"code":4,"message":message}}. */
    record Refusal(int status, String message) {
    }
}

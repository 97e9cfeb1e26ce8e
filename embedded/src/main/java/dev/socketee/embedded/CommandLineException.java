package dev.socketee.embedded;

/** A mistake in what the user gave (an option, the WAR path, a key store): printed without a stack trace. */
final class CommandLineException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    CommandLineException(String message) {
        super(message);
    }

    CommandLineException(String message, Throwable cause) {
        super(message, cause);
    }
}

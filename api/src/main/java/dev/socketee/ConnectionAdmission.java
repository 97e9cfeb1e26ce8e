package dev.socketee;

import java.util.Objects;

/**
 * Decides whether a client may open a connection at all, before any session exists: node
 * engine.io's {@code allowRequest}. Make it a CDI bean; Socketee asks it about every handshake
 * request (the polling handshake and the direct WebSocket handshake, i.e. requests without a
 * {@code sid}), never about the requests of an open session. A refusal answers the HTTP request
 * with the decision's status and {@code {"code":4,"message":"<message>"}}; the client sees a
 * {@code connect_error}, and no session, socket or WebSocket is created.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class KnownClientsOnly implements ConnectionAdmission {
 *     @Override
 *     public Decision admit(Handshake request) {
 *         if (request.principal().isEmpty()) {
 *             return Decision.refuse(401, "Please log in first");
 *         }
 *         return Decision.admit();
 *     }
 * }
 * }</pre>
 *
 * <p>With several such beans, all must admit: they are asked in {@code @Priority} order (lowest
 * value first, beans without {@code @Priority} last, ties by class name) and the first refusal
 * answers. The request is the one that arrived, {@link Handshake#time()} is now; it has passed
 * the origin check already (see README, "Security"), and a request from an origin admitted only
 * by {@code allowed-origins=*} carries no credentials (no principal, HTTP session or cookies).
 *
 * <p>{@code admit} runs on the container's request thread: it must not block (no remote calls,
 * no waiting on locks); look up what it needs beforehand or cache it. A bean that throws refuses
 * the connection with status 500 and its exception is logged. The in-process test client
 * ({@code SocketTestClient}) opens sessions without an HTTP request and is not asked.
 */
public interface ConnectionAdmission {

    /** Whether the client that sent {@code request} may open a connection. */
    Decision admit(Handshake request);

    /** Admit, or refuse with an HTTP status and a message for the client. Immutable. */
    final class Decision {

        private static final Decision ADMIT = new Decision(0, null);

        private final int status;
        private final String message;

        private Decision(int status, String message) {
            this.status = status;
            this.message = message;
        }

        /** Let the client in. */
        public static Decision admit() {
            return ADMIT;
        }

        /** Refuse with 403, as node does: {@code 403 {"code":4,"message":"<message>"}}. */
        public static Decision refuse(String message) {
            return refuse(403, message);
        }

        /**
         * Refuse with another status, e.g. 401 (not logged in) or 429 (too many connections);
         * 400 to 599.
         */
        public static Decision refuse(int status, String message) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a refusal needs a 4xx or 5xx status: " + status);
            }
            return new Decision(status, Objects.requireNonNull(message, "message"));
        }

        public boolean admitted() {
            return status == 0;
        }

        /** The HTTP status of a refusal; 0 when admitted. */
        public int status() {
            return status;
        }

        /** The message of a refusal; null when admitted. */
        public String message() {
            return message;
        }

        @Override
        public String toString() {
            return admitted() ? "admit" : "refuse " + status + " " + message;
        }
    }
}

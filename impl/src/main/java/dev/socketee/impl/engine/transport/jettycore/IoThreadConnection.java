package dev.socketee.impl.engine.transport.jettycore;

import java.util.EventListener;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;

/**
 * The upgrading request's connection as Jetty's handshaker sees it: the same in every way but
 * its endpoint, which reads through {@link IoThreadEndPoint}. The handshaker asks it only for
 * the endpoint its websocket connection will use; the HTTP connection itself, and the socket
 * Jetty upgrades to that websocket connection, are the real ones. Lives only for the upgrade.
 */
final class IoThreadConnection extends ConnectionMetaData.Wrapper {

    private final Connection connection;

    IoThreadConnection(ConnectionMetaData real, SelectorStallWatch stalls) {
        super(real);
        this.connection = new Reading(real.getConnection(), stalls);
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    /** The HTTP connection, with its endpoint seen through {@link IoThreadEndPoint#around}. */
    private static final class Reading implements Connection {
        private final Connection http;
        private final EndPoint endPoint;

        Reading(Connection http, SelectorStallWatch stalls) {
            this.http = http;
            this.endPoint = IoThreadEndPoint.around(http.getEndPoint(), stalls);
        }

        @Override
        public EndPoint getEndPoint() {
            return endPoint;
        }

        @Override
        public void addEventListener(EventListener listener) {
            http.addEventListener(listener);
        }

        @Override
        public void removeEventListener(EventListener listener) {
            http.removeEventListener(listener);
        }

        @Override
        public void onOpen() {
            http.onOpen();
        }

        @Override
        public void onClose(Throwable cause) {
            http.onClose(cause);
        }

        @Override
        public void close() {
            http.close();
        }

        @Override
        public boolean onIdleExpired(TimeoutException timeout) {
            return http.onIdleExpired(timeout);
        }

        @Override
        public long getMessagesIn() {
            return http.getMessagesIn();
        }

        @Override
        public long getMessagesOut() {
            return http.getMessagesOut();
        }

        @Override
        public long getBytesIn() {
            return http.getBytesIn();
        }

        @Override
        public long getBytesOut() {
            return http.getBytesOut();
        }

        @Override
        public long getCreatedTimeStamp() {
            return http.getCreatedTimeStamp();
        }

        @Override
        public String toString() {
            return http.toString();
        }
    }
}

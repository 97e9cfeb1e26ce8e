package dev.socketee.impl.engine.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.impl.engine.EngineCloseReason;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** node's words for a websocket's onError: a lost connection is "transport close", a bad frame "transport error". */
class ConnectionLossTest {

    @Test
    void aLostConnectionIsATransportClose() {
        assertEquals(EngineCloseReason.TRANSPORT_CLOSE, ConnectionLoss.reasonFor(new EOFException()));
        assertEquals(EngineCloseReason.TRANSPORT_CLOSE, ConnectionLoss.reasonFor(new ClosedChannelException()));
        assertEquals(EngineCloseReason.TRANSPORT_CLOSE, ConnectionLoss.reasonFor(new IOException("Connection reset by peer")));
        assertEquals(EngineCloseReason.TRANSPORT_CLOSE,
                ConnectionLoss.reasonFor(new RuntimeException("wrapped", new UncheckedIOException(new IOException("Broken pipe")))));
    }

    @Test
    void whatThePeerSentWrongIsATransportError() {
        assertEquals(EngineCloseReason.TRANSPORT_ERROR, ConnectionLoss.reasonFor(new IllegalStateException("Text message too large")));
        assertEquals(EngineCloseReason.TRANSPORT_ERROR, ConnectionLoss.reasonFor(new RuntimeException("Invalid UTF-8")));
        assertEquals(EngineCloseReason.TRANSPORT_ERROR, ConnectionLoss.reasonFor(null));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(EngineCloseReason.TRANSPORT_ERROR, ConnectionLoss.reasonFor(a));
    }
}

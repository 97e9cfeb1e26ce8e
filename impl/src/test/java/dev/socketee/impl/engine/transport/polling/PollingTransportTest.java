package dev.socketee.impl.engine.transport.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.engine.EngineConnection;
import dev.socketee.engine.EngineIoListener;
import dev.socketee.engine.EngineIoOptions;
import dev.socketee.impl.engine.EngineCloseReason;
import dev.socketee.impl.engine.EngineServer;
import dev.socketee.impl.engine.EngineSession;
import dev.socketee.impl.engine.EngineThreads;
import dev.socketee.impl.engine.ManualScheduler;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.protocol.engine.EnginePacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polling transport's answers, against node's engine.io (measured on engine.io 6.6.11):
 * the client's close packet, closes and upgrades with a GET parked or a POST half read, requests
 * that lose the race with them, and requests abandoned by the container (timeout, error).
 */
class PollingTransportTest {

    private static final String BAD_REQUEST = "400 {\"code\":3,\"message\":\"Bad request\"}";
    private static final String UNKNOWN_SID = "400 {\"code\":1,\"message\":\"Session ID unknown\"}";

    private final List<String> events = new CopyOnWriteArrayList<>();
    private EngineServer server;
    private PollingTransport polling;
    private EngineSession session;
    private final ManualScheduler clock = new ManualScheduler();

    @BeforeEach
    void handshake() {
        server = new EngineServer(EngineIoOptions.builder()
                .pingInterval(Duration.ofSeconds(20)).pingTimeout(Duration.ofSeconds(10)).build(), new EngineIoListener() {
                    @Override
                    public void onOpen(EngineConnection connection) {
                    }

                    @Override
                    public void onMessage(EngineConnection connection, String text) {
                        events.add("message " + text);
                    }

                    @Override
                    public void onClose(EngineConnection connection, String reason) {
                        events.add("close " + reason);
                    }
                }, EngineThreads.of(clock, Runnable::run), false); // listeners on the test's thread
        polling = new PollingTransport(server.options(), server.timer());
        session = server.open(polling, new HandshakeInfo(Map.of(), Map.of(),
                InetSocketAddress.createUnresolved("127.0.0.1", 1), 0L, null, null));
        polling.bind(session);
        FakeExchange handshake = poll();
        assertTrue(handshake.answer().startsWith("200 0{\"sid\""), handshake::answer);
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    private FakeExchange poll() {
        FakeExchange get = FakeExchange.get();
        polling.onPoll(get.request(), get.response());
        return get;
    }

    private FakeExchange startPost(String body) throws IOException {
        FakeExchange post = FakeExchange.post(body);
        polling.onData(post.request(), post.response());
        return post;
    }

    private FakeExchange post(String body) throws IOException {
        FakeExchange post = startPost(body);
        if (post.readListenerSet()) {
            post.deliverBody();
        }
        return post;
    }

    @Test
    void clientClosePacketAnswersTheParkedGetWithANoopAndThePostWithOk() throws IOException {
        FakeExchange get = poll();

        FakeExchange post = post("4bye\u001e1\u001e4after the close");

        assertEquals("200 6", get.answer(), "node answers the parked GET with a noop, not a close packet");
        assertEquals("200 ok", post.answer());
        assertEquals(List.of("message bye", "close transport close"), events, "what follows the close packet is dropped");
        assertNull(server.session(session.id()));
        assertEquals(UNKNOWN_SID, poll().answer(), "a GET that raced the close");
    }

    @Test
    void clientClosePacketWithoutAParkedGetClosesTheSessionWhenNoGetFollows() throws IOException {
        FakeExchange close = post("1");
        assertEquals(List.of(), events, "waits for a GET the client may have sent with it");
        assertFalse(close.completed(), "the POST is answered when the close is done");
        clock.advanceMillis(PollingTransport.CLOSE_WAITS_FOR_GET_MILLIS - 1);
        assertEquals(List.of(), events);
        clock.advanceMillis(1);
        assertEquals(List.of("close transport close"), events);
        assertEquals("200 ok", close.answer());
        assertEquals(UNKNOWN_SID, poll().answer(), "a GET after the ok finds the session gone, as in node");
    }

    /** The official test suite's "forcefully closes the session": GET and POST "1" sent together, the POST served first. */
    @Test
    void aGetServedAfterTheClientsClosePacketGetsTheNoopAndEndsTheSession() throws IOException {
        FakeExchange close = post("1");
        session.send(EnginePacket.message("too late")); // the session does not write to a client that left
        FakeExchange get = poll();
        assertEquals("200 6", get.answer());
        assertEquals("200 ok", close.answer());
        assertEquals(List.of("close transport close"), events);
        assertEquals(UNKNOWN_SID, poll().answer(), "the next GET finds no session");
    }

    @Test
    void serverCloseAnswersTheParkedGetWithAClosePacket() {
        FakeExchange get = poll();

        session.close();

        assertEquals("200 1", get.answer());
        assertEquals(List.of("close forced close"), events);
    }

    @Test
    void pingTimeoutAnswersTheParkedGetWithAClosePacket() {
        FakeExchange get = poll();

        session.onClose(EngineCloseReason.PING_TIMEOUT);

        assertEquals("200 1", get.answer());
    }

    @Test
    void aGetParkedWhenTheUpgradeCompletesIsRefusedAsAPollAfterIt() {
        FakeExchange get = poll();

        polling.discard();

        assertEquals(BAD_REQUEST, get.answer());
        assertEquals(BAD_REQUEST, poll().answer(), "a GET that got past the servlet just before the switch");
        assertEquals(List.of(), events, "the session goes on over the websocket");
    }

    @Test
    void aPostOnTheDiscardedTransportIsRefusedAndItsConnectionDropped() throws IOException {
        polling.discard();

        FakeExchange post = startPost("4late");

        assertEquals(BAD_REQUEST, post.answer());
        assertEquals("close", post.header("Connection"));
        assertFalse(post.readListenerSet(), "its body is not read");
        assertEquals(List.of(), events);
    }

    @Test
    void aStalledPostIsDroppedWhenTheSessionCloses() throws IOException {
        FakeExchange stalled = startPost("4never");

        session.onClose(EngineCloseReason.PING_TIMEOUT);

        assertEquals(UNKNOWN_SID, stalled.answer(), "node destroys the request; here it is answered and its connection dropped");
        assertEquals("close", stalled.header("Connection"));
        stalled.deliverBody(); // arrives after all: nothing happens
        stalled.timeOut();
        assertEquals(List.of("close ping timeout"), events);
    }

    @Test
    void aPostThatTimesOutClearsTheInFlightFlagAndClosesTheSessionWithTransportError() throws IOException {
        FakeExchange stalled = startPost("4never");

        stalled.timeOut();

        assertEquals("408 ", stalled.answer(), "node's HTTP server answers a request that takes too long with 408");
        assertEquals("close", stalled.header("Connection"));
        assertEquals(List.of("close transport error"), events, "node: data request closed prematurely");
        assertEquals(UNKNOWN_SID, startPost("4next").answer(), "the next POST is not an overlap: the session is gone");
    }

    @Test
    void aPostWhoseConnectionFailsClosesTheSessionWithTransportError() throws IOException {
        FakeExchange post = startPost("4never");

        post.fail();

        assertTrue(post.completed());
        assertEquals(List.of("close transport error"), events);
    }

    @Test
    void aParkedGetWhoseConnectionFailsClosesTheSessionWithTransportError() throws IOException {
        FakeExchange get = poll();

        get.fail();

        assertTrue(get.completed());
        assertEquals(List.of("close transport error"), events, "node: poll connection closed prematurely");
    }

    @Test
    void aGetAnsweredBeforeItsConnectionFailedChangesNothing() throws IOException {
        FakeExchange get = poll();
        session.send("x");
        assertEquals("200 4x", get.answer());

        get.fail();

        assertEquals(List.of(), events);
        assertTrue(session.isOpen());
    }

    @Test
    void overlappingPostsCloseTheSessionAsInNode() throws IOException {
        FakeExchange first = startPost("4first");

        FakeExchange second = startPost("4second");

        assertEquals("400 ", second.answer(), "node: 400 without a body");
        assertEquals(List.of("close transport error"), events);
        assertEquals(UNKNOWN_SID, first.answer(), "the first one is dropped with its session");
    }

    @Test
    void anOverlappingGetClosesTheSessionAndTheFirstGetGetsAClosePacket() {
        FakeExchange first = poll();

        FakeExchange second = poll();

        assertEquals("400 ", second.answer(), "node: 400 without a body");
        assertEquals("200 1", first.answer());
        assertEquals(List.of("close transport error"), events);
    }

    @Test
    void sequentialPostsAreEachAnsweredOk() throws IOException {
        assertEquals("200 ok", post("4one").answer());
        assertEquals("200 ok", post("4two").answer());
        assertEquals(List.of("message one", "message two"), events);
    }

    @Test
    void requestTimeoutsAreBackstopsBehindTheHeartbeat() throws IOException {
        long expected = 2 * (20_000 + 10_000);
        assertEquals(expected, poll().timeoutMillis());
        assertEquals(expected, startPost("4x").timeoutMillis());
    }

    private static final String TOO_LARGE = "413 Payload Too Large";
    private static final String OVER_MAX_PAYLOAD = "4" + "a".repeat(1_000_000); // default maxPayload 1e6: one byte over

    /** node answers 413 and its HTTP server reads the rest of the body: no reset under the answer. */
    @Test
    void postDeclaredOverMaxPayloadIsAnsweredAndCompletesOnceItsBodyIsRead() throws IOException {
        FakeExchange post = startPost(OVER_MAX_PAYLOAD);

        assertEquals(TOO_LARGE, post.written(), "answered before the body is read");
        assertEquals("close", post.header("Connection"));
        assertEquals("pending", post.answer(), "the rest of the body is read first");
        assertEquals(List.of("close transport error"), events);
        post.deliverPart(500_000);
        assertEquals("pending", post.answer());
        post.deliverBody();
        assertEquals(TOO_LARGE, post.answer());
    }

    @Test
    void chunkedPostOverMaxPayloadIsAnsweredAndCompletesOnceItsBodyIsRead() throws IOException {
        FakeExchange post = FakeExchange.chunkedPost(OVER_MAX_PAYLOAD + "bbbb");
        polling.onData(post.request(), post.response());

        post.deliverPart(1_000_002);
        assertEquals(TOO_LARGE, post.written(), "answered once over the limit");
        assertEquals("close", post.header("Connection"));
        assertEquals("pending", post.answer());
        assertEquals(List.of("close transport error"), events);
        post.deliverBody();
        assertEquals(TOO_LARGE, post.answer());
    }

    /** The discarding is bounded: a client cannot make the server read without end. */
    @Test
    void theRestOfABodyOverMaxPayloadIsReadOnlyUpToABound() throws IOException {
        String huge = OVER_MAX_PAYLOAD + "b".repeat((int) PollingTransport.MAX_DISCARD + 1);
        FakeExchange chunked = FakeExchange.chunkedPost(huge + "more");
        polling.onData(chunked.request(), chunked.response());
        chunked.deliverPart(huge.length());
        assertEquals(TOO_LARGE, chunked.answer(), "completed at the bound, the body not ended");

        handshake(); // a new session: the first one closed at the 413
        FakeExchange declared = startPost("4" + "a".repeat(1_000_000 + (int) PollingTransport.MAX_DISCARD));
        assertEquals(TOO_LARGE, declared.answer(), "declared over the bound: completed at once, nothing read");
    }
}

package dev.socketee.emitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.emitter.RecordingPublisher.Published;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation's channel and bytes against node's {@code @socket.io/redis-emitter} 5.1.0 (notepack.io
 * 3.0.1, node 20) doing the same: the expected values are what that emitter handed to
 * {@code redisClient.publish(channel, message)}; the node call is in each comment.
 */
class WireCompatibilityTest {

    private final RecordingPublisher redis = new RecordingPublisher();
    private final SocketIoEmitter emitter = new SocketIoEmitter(redis, EmitterOptions.defaults());

    private void assertBroadcast(String channel, String hex) {
        Published p = redis.single();
        assertEquals(channel, p.channel(), "channel");
        assertEquals(hex, p.hex(), "message");
    }

    private void assertRequest(String channel, String json) {
        Published p = redis.single();
        assertEquals(channel, p.channel(), "channel");
        assertEquals(json, p.text(), "message");
    }

    @Test
    void emitToEverySocket() {
        emitter.emit("hello"); // emitter.emit("hello")
        assertBroadcast("socket.io#/#", "93a7656d697474657283a47479706502a46461746191a568656c6c6fa36e7370a12f83a5726f6f6d7390"
                + "a5666c61677380a665786365707490");
    }

    @Test
    void emitToOneRoomGoesToTheRoomsChannel() {
        emitter.to("room1").emit("news", 1, "two", List.of(3), ordered("a", true, "b", null));
        // emitter.to("room1").emit("news", 1, "two", [3], { a: true, b: null })
        assertBroadcast("socket.io#/#room1#", "93a7656d697474657283a47479706502a46461746195a46e65777301a374776f910382a161c3a162c0"
                + "a36e7370a12f83a5726f6f6d7391a5726f6f6d31a5666c61677380a665786365707490");
        emitter.to("r1").to("r1").emit("dup"); // emitter.to("r1").to("r1").emit("dup"): still one room
        assertBroadcast("socket.io#/#r1#", "93a7656d697474657283a47479706502a46461746191a3647570a36e7370a12f83a5726f6f6d7391"
                + "a27231a5666c61677380a665786365707490");
    }

    @Test
    void emitToRoomsExceptInANamespace() {
        emitter.of("chat").to("r1", "r2").except("x").emit("e", -1.5);
        // emitter.of("chat").to(["r1", "r2"]).except("x").emit("e", -1.5)
        assertBroadcast("socket.io#/chat#", "93a7656d697474657283a47479706502a46461746192a165cbbff8000000000000a36e7370a52f63"
                + "68617483a5726f6f6d7392a27231a27232a5666c61677380a665786365707491a178");
        emitter.except("a").except(List.of("b", "a")).emit("x"); // emitter.except("a").except(["b", "a"]).emit("x")
        assertBroadcast("socket.io#/#", "93a7656d697474657283a47479706502a46461746191a178a36e7370a12f83a5726f6f6d7390a5666c"
                + "61677380a665786365707492a161a162");
    }

    @Test
    void flagsInTheOrderTheyWereFirstSet() {
        emitter.asVolatile().compress(false).emit("v"); // emitter.volatile.compress(false).emit("v")
        assertBroadcast("socket.io#/#", "93a7656d697474657283a47479706502a46461746191a176a36e7370a12f83a5726f6f6d7390a5666c"
                + "61677382a8766f6c6174696c65c3a8636f6d7072657373c2a665786365707490");
        emitter.compress(true).asVolatile().compress(false).emit("v"); // emitter.compress(true).volatile.compress(false).emit("v")
        assertBroadcast("socket.io#/#", "93a7656d697474657283a47479706502a46461746191a176a36e7370a12f83a5726f6f6d7390a5666c"
                + "61677382a8636f6d7072657373c2a8766f6c6174696c65c3a665786365707490");
    }

    @Test
    void binaryAnywhereInTheArgumentsIsBin() {
        emitter.of("/admin").emit("bin", new byte[] {1, 2, 3},
                Map.of("nested", List.of(new byte[0], Map.of("deep", new byte[] {(byte) 255, 0}))));
        // emitter.of("/admin").emit("bin", Buffer.from([1, 2, 3]), { nested: [Buffer.from([]), { deep: Buffer.from([255, 0]) }] })
        assertBroadcast("socket.io#/admin#", "93a7656d697474657283a47479706502a46461746193a362696ec40301020381a66e65737465"
                + "6492c40081a464656570c402ff00a36e7370a62f61646d696e83a5726f6f6d7390a5666c61677380a665786365707490");
    }

    enum Kind { BIG }

    record Item(long id, String name, List<String> tags, Kind kind, double price, String missing) {}

    @Test
    void recordsAsObjectsEnumsAsTheirNames() {
        emitter.emit("record", new Item(7, "n", List.of("a", "b"), Kind.BIG, 9.5, null));
        // emitter.emit("record", { id: 7, name: "n", tags: ["a", "b"], kind: "BIG", price: 9.5, missing: null })
        assertBroadcast("socket.io#/#", "93a7656d697474657283a47479706502a46461746192a67265636f726486a2696407a46e616d65a16e"
                + "a47461677392a161a162a46b696e64a3424947a57072696365cb4023000000000000a76d697373696e67c0a36e7370a12f83a572"
                + "6f6f6d7390a5666c61677380a665786365707490");
    }

    @Test
    void unicodeStrings() {
        emitter.emit("unicode", "é€😀", "a".repeat(40) + "\ud800b");
        // emitter.emit("unicode", "é€😀", "a".repeat(40) + "\ud800" + "b")
        assertBroadcast("socket.io#/#", "93a7656d697474657283a47479706502a46461746193a7756e69636f6465a9c3a9e282acf09f9880d9"
                + "2c" + "61".repeat(40) + "efbfbd62a36e7370a12f83a5726f6f6d7390a5666c61677380a665786365707490");
    }

    @Test
    void keyPrefix() {
        SocketIoEmitter prefixed = new SocketIoEmitter(redis, EmitterOptions.builder().key("my-app").build());
        prefixed.of("/chat").to("r").emit("k"); // new Emitter(client, { key: "my-app" }).of("/chat").to("r").emit("k")
        assertBroadcast("my-app#/chat#r#", "93a7656d697474657283a47479706502a46461746191a16ba36e7370a52f6368617483a5726f6f"
                + "6d7391a172a5666c61677380a665786365707490");
    }

    @Test
    void socketsJoinAndLeave() {
        emitter.socketsJoin("room1"); // emitter.socketsJoin("room1")
        assertRequest("socket.io-request#/#", "{\"type\":2,\"opts\":{\"rooms\":[],\"except\":[]},\"rooms\":[\"room1\"]}");
        emitter.of("/chat").to("a").except("b", "c").socketsJoin("x", "y");
        // emitter.of("/chat").to("a").except(["b", "c"]).socketsJoin(["x", "y"])
        assertRequest("socket.io-request#/chat#", "{\"type\":2,\"opts\":{\"rooms\":[\"a\"],\"except\":[\"b\",\"c\"]},\"rooms\":[\"x\",\"y\"]}");
        emitter.in("a", "b").socketsLeave("z"); // emitter.in(["a", "b"]).socketsLeave("z")
        assertRequest("socket.io-request#/#", "{\"type\":3,\"opts\":{\"rooms\":[\"a\",\"b\"],\"except\":[]},\"rooms\":[\"z\"]}");
    }

    @Test
    void disconnectSockets() {
        emitter.disconnectSockets(false); // emitter.disconnectSockets()
        assertRequest("socket.io-request#/#", "{\"type\":4,\"opts\":{\"rooms\":[],\"except\":[]},\"close\":false}");
        emitter.to("a").disconnectSockets(true); // emitter.to("a").disconnectSockets(true)
        assertRequest("socket.io-request#/#", "{\"type\":4,\"opts\":{\"rooms\":[\"a\"],\"except\":[]},\"close\":true}");
    }

    @Test
    void serverSideEmit() {
        emitter.serverSideEmit("ping-server", 1, "two", Map.of("three", List.of(3)), null);
        // emitter.serverSideEmit("ping-server", 1, "two", { three: [3] }, null)
        assertRequest("socket.io-request#/#", "{\"uid\":\"emitter\",\"type\":6,\"data\":[\"ping-server\",1,\"two\",{\"three\":[3]},null]}");
        emitter.of("/chat").serverSideEmit("s", (Object) new byte[] {1, (byte) 255});
        // emitter.of("/chat").serverSideEmit("s", Buffer.from([1, 255])): JSON.stringify calls Buffer#toJSON
        assertRequest("socket.io-request#/chat#", "{\"uid\":\"emitter\",\"type\":6,\"data\":[\"s\",{\"type\":\"Buffer\",\"data\":[1,255]}]}");
        emitter.serverSideEmit("record", new Item(7, "n", List.of("a", "b"), Kind.BIG, 9.5, null));
        assertRequest("socket.io-request#/#", "{\"uid\":\"emitter\",\"type\":6,\"data\":[\"record\",{\"id\":7,\"name\":\"n\","
                + "\"tags\":[\"a\",\"b\"],\"kind\":\"BIG\",\"price\":9.5,\"missing\":null}]}");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}

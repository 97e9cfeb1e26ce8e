package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.tck.JavaClient;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * byte[] inside objects with the Java client io.socket:socket.io-client 2.1.2 (its parser sends a
 * byte[] inside a JSONObject as an attachment, and gives one back as byte[]) against
 * {@link BinaryObjectHandlers}; and the application's JSON-B adapter ({@link JsonbSettings}).
 */
class CdiBinaryObjectsIT {

    static Stream<Arguments> transports() {
        return JavaClient.served(Stream.of(Arguments.of("websocket", JavaClient.WEBSOCKET), Arguments.of("polling", JavaClient.POLLING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void recordWithBytesBothWays(String name, String[] transports) throws Exception {
        try (CdiClient c = CdiClient.create("/", transports, null)) {
            c.connectForWelcome();
            byte[] big = new byte[70_000];
            for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 13);
            Object[] reply = c.ack("blob-echo", new JSONObject().put("name", "j").put("data", new byte[] {1, 2, (byte) 200}));
            assertEquals("j!", JavaClient.get(reply[0], "name"));
            assertArrayEquals(new byte[] {(byte) 200, 2, 1}, bytes(JavaClient.get(reply[0], "data")));

            JSONObject album = new JSONObject().put("title", "t")
                    .put("photos", new JSONArray().put(new JSONObject().put("name", "p").put("data", big)))
                    .put("thumbs", new JSONObject().put("s", new byte[] {5}));
            Object[] back = c.ack("album", album);
            assertEquals(1, back[0]);
            assertEquals("[\"s\"]", back[1].toString());
            JSONObject photo = ((JSONObject) back[2]).getJSONArray("photos").getJSONObject(0);
            assertArrayEquals(big, bytes(photo.get("data")));
            assertArrayEquals(new byte[] {5}, bytes(((JSONObject) back[2]).getJSONObject("thumbs").get("s")));

            c.ack("blob-push", new JSONObject().put("name", "x").put("data", new byte[] {4, 2}));
            assertArrayEquals(new byte[] {4, 2}, bytes(JavaClient.get(c.await("blob")[0], "data")));
            Object[] room = c.await("blob-room");
            assertArrayEquals(new byte[] {4, 2}, bytes(JavaClient.get(room[0], "data")));
            assertArrayEquals(new byte[] {4, 2}, bytes(((JSONArray) room[1]).getJSONObject(0).get("data")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void applicationsJsonbAdapterBindsAndWrites(String name, String[] transports) throws Exception {
        try (CdiClient c = CdiClient.create("/", transports, null)) {
            c.connectForWelcome();
            Object[] reply = c.ack("weather", new JSONObject().put("temperature", "-4.25C").put("sensor", "roof"));
            assertEquals("-8.5C", JavaClient.get(reply[0], "temperature"));
            assertEquals("roof", JavaClient.get(reply[0], "sensor"));
        }
    }

    private static byte[] bytes(Object value) {
        assertTrue(value instanceof byte[], () -> "expected byte[], got " + value);
        return (byte[]) value;
    }
}

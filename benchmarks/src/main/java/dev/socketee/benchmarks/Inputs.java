package dev.socketee.benchmarks;

import dev.socketee.impl.json.RawJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs every benchmark shares, each as JSON text and as the plain Java value it stands for
 * (what {@code JsonReader} returns: LinkedHashMap, ArrayList, String, Integer / Long / Double,
 * Boolean, null), so the untimed test can check each benchmark's answer against them.
 * <ul>
 *   <li>{@code echo}: the event the bench's load generator sends, {@code ["echo",{"t":<nanos>,"p":<32 chars>}]}.</li>
 *   <li>{@code chat}: an app-like event: nested objects and arrays, escapes, non-ASCII, a fraction, null, booleans.</li>
 * </ul>
 */
public final class Inputs {

    /** The shapes a {@code @Param("shape")} takes. */
    public static final String ECHO = "echo";
    public static final String CHAT = "chat";

    private static final String PAD = "x".repeat(32);

    private Inputs() {
    }

    /** The event's whole data array, as a client sends it: {@code ["name", args...]}. */
    public static String json(String shape) {
        return switch (shape) {
            case ECHO -> "[\"echo\",{\"t\":1764590000123456789,\"p\":\"" + PAD + "\"}]";
            case CHAT -> "[\"chat\",{\"room\":\"general\",\"user\":{\"id\":4711,\"name\":\"Zo\u00eb \\\"zo\\\" M\u00fcller\","
                    + "\"roles\":[\"admin\",\"dev\"]},\"text\":\"Hello, world!\\nSecond line \u2603\",\"ts\":1764590000.25,"
                    + "\"tags\":[],\"reply\":null,\"ok\":true},[1,2,3,4,5,6,7,8,9,10]]";
            default -> throw new IllegalArgumentException("no input shape " + shape);
        };
    }

    /** {@link #json(String)} as plain Java values. */
    public static List<Object> value(String shape) {
        List<Object> data = new ArrayList<>();
        switch (shape) {
            case ECHO -> {
                data.add("echo");
                data.add(map("t", 1764590000123456789L, "p", PAD));
            }
            case CHAT -> {
                data.add("chat");
                Map<String, Object> user = map("id", 4711, "name", "Zo\u00eb \"zo\" M\u00fcller");
                user.put("roles", new ArrayList<>(List.of("admin", "dev")));
                Map<String, Object> msg = map("room", "general", "user", user);
                msg.put("text", "Hello, world!\nSecond line \u2603");
                msg.put("ts", 1764590000.25);
                msg.put("tags", new ArrayList<>());
                msg.put("reply", null);
                msg.put("ok", true);
                data.add(msg);
                data.add(new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
            }
            default -> throw new IllegalArgumentException("no input shape " + shape);
        }
        return data;
    }

    /** The arguments after the event name, as the server keeps them after scanning: raw JSON text. */
    public static List<Object> rawArgs(String shape) {
        return switch (shape) {
            case ECHO -> List.of(new RawJson("{\"t\":1764590000123456789,\"p\":\"" + PAD + "\"}"));
            case CHAT -> {
                String json = json(CHAT);
                int first = json.indexOf(',') + 1;
                int second = json.lastIndexOf(",[");
                yield List.of(new RawJson(json.substring(first, second)), new RawJson(json.substring(second + 1, json.length() - 1)));
            }
            default -> throw new IllegalArgumentException("no input shape " + shape);
        };
    }

    /** The arguments after the event name, as plain values. */
    public static List<Object> args(String shape) {
        List<Object> v = value(shape);
        return v.subList(1, v.size());
    }

    /** Binary data of {@code n} bytes (an attachment, a binary Engine.IO packet). */
    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}

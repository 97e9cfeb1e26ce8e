package dev.socketee.impl.json;

import java.util.List;
import java.util.stream.Stream;

/** Shared malformed inputs for the scanner and reader tests. */
final class MalformedJson {

    private MalformedJson() {
    }

    /** Inputs whose first JSON value is itself malformed or incomplete. */
    static final List<String> BROKEN_VALUES = List.of(
            "", " ", " \t\r\n ",
            "[1,]", "{\"a\":1,}", "[,1]", "[,]", "{,}", "[1,,2]", "[1 2]",
            "{a:1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":}", "{\"a\"}", "{1:2}", "{null:1}",
            "'x'", "['x']",
            "01", "-01", "00", "[01]", "1.", "1.e5", ".5", "-", "-a", "+1", "1e", "1e+", "1E-",
            "NaN", "Infinity", "-Infinity", "[NaN]",
            "tru", "nul", "fals", "True", "nulL", "[tru]",
            "\"abc", "\"abc\\\"", "[1,2", "[1,2,", "[", "{", "{\"a\":1", "{\"a\"", "{\"a\":", "[\"a\"",
            "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u\"", "\"\\", "\"\\u", "\"\\U0041\"", "\"\\'\"",
            "\"a\u0001b\"", "\"a\nb\"", "\"tab\there\"", "\"\u0000\"",
            "\u00a0 1", "\ufeff1", "]", "}", ":", ",", "[}", "{]", "[\"a\":1]");

    /** Inputs that start with a valid value followed by garbage. */
    static final List<String> TRAILING_GARBAGE = List.of(
            "[1] x", "1 2", "[1]]", "{}}", "truex", "null,", "\"a\"\"b\"", "{} {}", "1-", "0.5.1", "0x10");

    static Stream<String> brokenValues() {
        return BROKEN_VALUES.stream();
    }

    static Stream<String> allMalformed() {
        return Stream.concat(BROKEN_VALUES.stream(), TRAILING_GARBAGE.stream());
    }

    static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }
}

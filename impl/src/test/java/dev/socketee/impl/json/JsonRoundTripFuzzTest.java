package dev.socketee.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzz target for the JSON reader, scanner and writer: only
 * {@link JsonException} escapes; the scanner accepts exactly what the reader accepts; writing a
 * parsed value and parsing it again is stable (one step may turn an overflowing double into
 * null, as JavaScript does); and any Java string survives writing and reading unchanged.
 */
public class JsonRoundTripFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readerScannerAndWriterAgree(FuzzedDataProvider data) {
        fuzz(data);
    }

    /** One input; also called by {@code CoreFuzzTest}, which runs every target in one JVM. */
    public static void fuzz(FuzzedDataProvider data) {
        String text = data.consumeString(500);
        assertEquals(text, JsonReader.parse(JsonWriter.write(text)));
        String json = data.consumeRemainingAsString();
        Object value;
        try {
            value = JsonReader.parse(json);
        } catch (JsonException refused) {
            assertScannerRefuses(json);
            return;
        }
        assertEquals(json.length(), JsonScanner.skipWhitespace(json, JsonScanner.skipValue(json, 0)));
        String written = JsonWriter.write(value);
        assertEquals(written, JsonWriter.write(JsonReader.parse(written)));
    }

    private static void assertScannerRefuses(String json) {
        try {
            int end = JsonScanner.skipValue(json, 0);
            assertEquals(false, JsonScanner.skipWhitespace(json, end) == json.length(), "the scanner accepted " + json);
        } catch (JsonException expected) {
            // both refuse
        }
    }
}

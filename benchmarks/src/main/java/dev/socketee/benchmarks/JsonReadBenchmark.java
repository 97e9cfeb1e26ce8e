package dev.socketee.benchmarks;

import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonScanner;
import dev.socketee.impl.json.RawJson;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Reading an event's data array: Socketee's scanner (validates, cuts raw arguments, builds no
 * tree: what every incoming event costs), its reader (plain Java values: what a handler that
 * reads its arguments costs), and the same text through JSON-P (Parsson's tree, the floor of any
 * JSON-P based reader) and JSON-B (Yasson, {@code fromJson(text, Object.class)}: plain maps and
 * lists, as JsonReader gives). Factories and the Jsonb instance are made once, as a server would.
 */
public class JsonReadBenchmark extends JsonFixture {

    String json;
    JsonReaderFactory jsonp;

    @Override
    void prepare() {
        json = Inputs.json(shape);
        jsonp = JsonProvider.provider().createReaderFactory(Map.of());
    }

    @Benchmark
    public List<RawJson> scannerSplitArray() {
        return JsonScanner.splitArray(json, 0, json.length());
    }

    @Benchmark
    public Object jsonReader() {
        return JsonReader.parse(json);
    }

    @Benchmark
    public JsonValue jsonpTree() {
        try (jakarta.json.JsonReader r = jsonp.createReader(new StringReader(json))) {
            return r.readValue();
        }
    }

    @Benchmark
    public Object jsonbToObject() {
        return jsonb.fromJson(json, Object.class);
    }
}

package dev.socketee.benchmarks;

import dev.socketee.impl.json.JsonReader;
import dev.socketee.impl.json.JsonScanner;
import dev.socketee.impl.json.RawJson;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an event's data array: Socketee's scanner (validates, cuts raw arguments, builds no
 * tree: what every incoming event costs), its reader (plain Java values: what a handler that
 * reads its arguments costs), and the same text through JSON-P (Parsson's tree, the floor of any
 * JSON-P based reader) and JSON-B (Yasson, {@code fromJson(text, Object.class)}: plain maps and
 * lists, as JsonReader gives). Factories and the Jsonb instance are made once, as a server would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonReadBenchmark {

    @Param({Inputs.ECHO, Inputs.CHAT})
    public String shape;

    String json;
    JsonReaderFactory jsonp;
    Jsonb jsonb;

    @Setup
    public void setup() {
        json = Inputs.json(shape);
        jsonp = JsonProvider.provider().createReaderFactory(Map.of());
        jsonb = JsonbBuilder.create();
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
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

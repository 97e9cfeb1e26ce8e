package dev.socketee.benchmarks;

import dev.socketee.impl.json.JsonWriter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;
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
 * Writing an event's data array of plain values: Socketee's writer, JSON-B (Yasson's
 * {@code toJson}), and JSON-P (Parsson's generator, walked over the same maps and lists by
 * {@link JsonpWalk}). Factories and the Jsonb instance are made once, as a server would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonWriteBenchmark {

    @Param({Inputs.ECHO, Inputs.CHAT})
    public String shape;

    List<Object> value;
    JsonGeneratorFactory jsonp;
    Jsonb jsonb;

    @Setup
    public void setup() {
        value = Inputs.value(shape);
        jsonp = JsonProvider.provider().createGeneratorFactory(Map.of());
        jsonb = JsonbBuilder.create();
    }

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }

    @Benchmark
    public String jsonWriter() {
        return JsonWriter.write(value);
    }

    @Benchmark
    public String jsonbToJson() {
        return jsonb.toJson(value);
    }

    @Benchmark
    public String jsonpGenerator() {
        return JsonpWalk.write(jsonp, value);
    }
}

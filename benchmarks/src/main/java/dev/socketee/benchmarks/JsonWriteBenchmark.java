package dev.socketee.benchmarks;

import dev.socketee.impl.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Writing an event's data array of plain values: Socketee's writer, JSON-B (Yasson's
 * {@code toJson}), and JSON-P (Parsson's generator, walked over the same maps and lists by
 * {@link JsonpWalk}). Factories and the Jsonb instance are made once, as a server would.
 */
public class JsonWriteBenchmark extends JsonFixture {

    List<Object> value;
    JsonGeneratorFactory jsonp;

    @Override
    void prepare() {
        value = Inputs.value(shape);
        jsonp = JsonProvider.provider().createGeneratorFactory(Map.of());
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

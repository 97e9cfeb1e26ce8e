package dev.socketee.benchmarks;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What {@link JsonReadBenchmark} and {@link JsonWriteBenchmark} share beyond the JMH settings: the
 * input shape, and the one Jsonb instance, made in setup after the subclass's own input and JSON-P
 * factory ({@link #prepare()}) and closed in tear-down.
 */
public abstract class JsonFixture extends BenchmarkSettings {

    @Param({Inputs.ECHO, Inputs.CHAT})
    public String shape;

    Jsonb jsonb;

    @Setup
    public void setup() {
        prepare();
        jsonb = JsonbBuilder.create();
    }

    /** Makes the benchmark's input for {@link #shape} and its JSON-P factory. */
    abstract void prepare();

    @TearDown
    public void tearDown() throws Exception {
        jsonb.close();
    }
}

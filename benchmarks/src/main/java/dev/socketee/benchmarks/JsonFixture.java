package dev.socketee.benchmarks;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.concurrent.TimeUnit;
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
 * What {@link JsonReadBenchmark} and {@link JsonWriteBenchmark} share: the JMH settings (JMH's
 * annotations are inherited), the input shape, and the one Jsonb instance, made in setup after the
 * subclass's own input and JSON-P factory ({@link #prepare()}) and closed in tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class JsonFixture {

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

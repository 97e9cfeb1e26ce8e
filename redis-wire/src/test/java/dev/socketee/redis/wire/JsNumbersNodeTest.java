package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link JsNumbers} against node's own {@code String(x)} on many doubles: every power of two (where
 * the shortest digits are hardest) and a fixed random sample of bit patterns. Skipped without node.
 */
class JsNumbersNodeTest {

    private static final String SCRIPT = "const b = Buffer.alloc(8); let out = '';"
            + "for (const h of require('fs').readFileSync(0, 'utf8').trim().split('\\n')) {"
            + " b.writeBigUInt64BE(BigInt('0x' + h)); out += String(b.readDoubleBE(0)) + '\\n'; }"
            + "process.stdout.write(out);";

    @Test
    void asNodeWritesThem() throws Exception {
        List<Double> doubles = new ArrayList<>();
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            doubles.add(p);
            doubles.add(-Math.nextUp(p));
        }
        Random random = new Random(11);
        while (doubles.size() < 30_000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                doubles.add(d);
            }
        }
        List<String> node = nodeStrings(doubles);
        for (int i = 0; i < doubles.size(); i++) {
            double d = doubles.get(i);
            assertEquals(node.get(i), JsNumbers.toString(d), () -> "bits " + Long.toHexString(Double.doubleToRawLongBits(d)));
        }
    }

    private static List<String> nodeStrings(List<Double> doubles) throws IOException, InterruptedException {
        StringBuilder in = new StringBuilder();
        for (double d : doubles) {
            in.append(String.format("%016x%n", Double.doubleToRawLongBits(d)));
        }
        Path input = Files.writeString(Files.createTempFile("doubles", ".txt"), in);
        Process p;
        try {
            p = new ProcessBuilder("node", "-e", SCRIPT).redirectInput(input.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException noNode) {
            Files.delete(input);
            assumeTrue(false, "node is not installed: " + noNode.getMessage());
            throw noNode;
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "node did not answer");
            return List.of(out.split("\n"));
        } finally {
            p.destroy();
            Files.delete(input);
        }
    }
}

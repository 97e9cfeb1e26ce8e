package dev.socketee.microprofile;

import dev.socketee.impl.health.HealthCheckResult;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Socketee's health results as MicroProfile Health responses. */
final class Responses {

    private Responses() {
    }

    static HealthCheckResponse of(HealthCheckResult result) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(result.name()).status(result.up());
        for (Map.Entry<String, String> e : result.data().entrySet()) {
            b.withData(e.getKey(), e.getValue());
        }
        return b.build();
    }
}

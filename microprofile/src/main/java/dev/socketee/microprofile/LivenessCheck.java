package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import dev.socketee.impl.cdi.SocketeeRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Up while the engine's timers run (heartbeats and deadlines ride on them). Before the server starts: up, nothing to be stuck yet. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        SocketeeRuntime runtime = SocketeeRuntime.current();
        if (runtime == null) {
            return HealthCheckResponse.named("socketee-liveness").up().withData("server", "not started").build();
        }
        return Responses.of(runtime.health().liveness());
    }
}

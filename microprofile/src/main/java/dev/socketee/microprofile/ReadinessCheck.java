package dev.socketee.microprofile;

import jakarta.enterprise.context.ApplicationScoped;
import dev.socketee.impl.cdi.SocketeeRuntime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Up once the Socket.IO servlet serves and the WebSocket endpoint is registered, and while the cluster broker is connected. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        SocketeeRuntime runtime = SocketeeRuntime.current();
        if (runtime == null) {
            return HealthCheckResponse.named("socketee-readiness").down().withData("servlet", "not started").build();
        }
        return Responses.of(runtime.health().readiness());
    }
}

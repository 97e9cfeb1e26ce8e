package dev.socketee.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CDI injection into a WAR's servlet, filter and context listener on the runner, as on an EE
 * server: the test WAR's {@code InjectedServlet} answers with what its injected {@code SocketIo}
 * and request-scoped {@code RequestStamp} give, behind a filter that writes to the same
 * request-scoped bean, in an application whose listener was injected at start.
 */
class RunnerInjectionIT {

    @RegisterExtension
    static final HttpRunner RUNNER = new HttpRunner("injection", List.of());

    @Test
    void servletAnswersWithItsInjectedBeans() throws Exception {
        HttpResponse<String> r = RUNNER.get("inject/servlet");
        assertEquals(200, r.statusCode(), r.body() + "\n" + RUNNER.output());
        assertTrue(r.body().contains("servers=1\n"), r.body()); // the injected SocketIo is the running server
    }

    @Test
    void filterIsInjectedAndSharesTheRequestScopeWithTheServlet() throws Exception {
        HttpResponse<String> r = RUNNER.get("inject/servlet");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("io true, stamp true", r.headers().firstValue("X-Filter-Injected").orElse("no header"));
        assertTrue(r.body().contains("visitors=[filter, servlet]\n"), r.body());
    }

    @Test
    void requestScopedBeanIsNewForEveryRequest() throws Exception {
        assertNotEquals(stamp(RUNNER.get("inject/servlet").body()), stamp(RUNNER.get("inject/servlet").body()));
    }

    @Test
    void contextListenerWasInjected() throws Exception {
        assertTrue(RUNNER.get("inject/servlet").body().contains("listener injected: io true\n"));
    }

    private static String stamp(String body) {
        return body.lines().filter(l -> l.startsWith("stamp=")).findFirst().orElseThrow();
    }
}

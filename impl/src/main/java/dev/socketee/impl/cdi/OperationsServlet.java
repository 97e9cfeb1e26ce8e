package dev.socketee.impl.cdi;

import dev.socketee.impl.health.HealthCheckResult;
import dev.socketee.impl.metrics.PrometheusText;
import dev.socketee.impl.metrics.SocketeeMeters;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in operations endpoints, for servers without MicroProfile Metrics and Health (the
 * embedded default): Prometheus text at {@code socketee.metrics-path}, and health JSON shaped as
 * MicroProfile Health's at {@code socketee.health-path} (and {@code /ready}, {@code /live} under
 * it), 503 when down. Off unless a path is configured.
 */
final class OperationsServlet extends HttpServlet {

    private final boolean metrics;

    private OperationsServlet(boolean metrics) {
        this.metrics = metrics;
    }

    static void register(ServletContext context, String metricsPath, String healthPath) {
        if (metricsPath != null && !metricsPath.isBlank()) {
            ServletRegistration.Dynamic r = context.addServlet("socketee-metrics", new OperationsServlet(true));
            if (r != null) {
                r.addMapping(metricsPath);
            }
        }
        if (healthPath != null && !healthPath.isBlank()) {
            ServletRegistration.Dynamic r = context.addServlet("socketee-health", new OperationsServlet(false));
            if (r != null) {
                r.addMapping(healthPath, healthPath + "/*");
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SocketeeRuntime runtime = (SocketeeRuntime) getServletContext().getAttribute(SocketeeRuntime.class.getName());
        resp.setHeader("Cache-Control", "no-store");
        if (metrics) {
            SocketeeMeters meters = runtime == null ? null : runtime.meters();
            resp.setContentType(PrometheusText.CONTENT_TYPE);
            resp.getWriter().write(meters == null ? "" : PrometheusText.render(meters.all()));
            return;
        }
        String which = req.getPathInfo() == null ? "" : req.getPathInfo();
        List<HealthCheckResult> checks = new ArrayList<>();
        if (runtime != null && !"/live".equals(which)) {
            checks.add(runtime.health().readiness());
        }
        if (runtime != null && !"/ready".equals(which)) {
            checks.add(runtime.health().liveness());
        }
        boolean up = runtime != null && checks.stream().allMatch(HealthCheckResult::up);
        resp.setStatus(up ? 200 : 503);
        resp.setContentType("application/json");
        resp.getWriter().write(json(up, checks));
    }

    /** MicroProfile Health's JSON: {@code {"status":"UP","checks":[{"name":..,"status":..,"data":{..}}]}}. */
    static String json(boolean up, List<HealthCheckResult> checks) {
        List<Object> list = new ArrayList<>();
        for (HealthCheckResult c : checks) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("status", c.up() ? "UP" : "DOWN");
            check.put("data", c.data());
            list.add(check);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("status", up ? "UP" : "DOWN");
        all.put("checks", list);
        return dev.socketee.impl.json.JsonWriter.write(all);
    }
}

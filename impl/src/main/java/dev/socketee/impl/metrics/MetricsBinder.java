package dev.socketee.impl.metrics;

/**
 * A metrics registry's side (MicroProfile Metrics, Micrometer, as CDI beans in the
 * socketee-microprofile module): the running server hands it its meters once it has started, and
 * takes them back when it stops. The server counts only when at least one binder is present or
 * {@code socketee.metrics=on}: without one, {@link ServerMetrics#NONE}.
 */
public interface MetricsBinder {

    /** Registers the meters; their values are read on each scrape. */
    void bind(SocketeeMeters meters);

    /** Removes what {@link #bind} registered (the application is stopping). */
    void unbind();
}

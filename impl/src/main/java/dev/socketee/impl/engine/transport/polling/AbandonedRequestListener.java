package dev.socketee.impl.engine.transport.polling;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Tells the transport when an async request ends without its answer: the container's timeout
 * fired, or the connection failed. Without it the container answers the timeout itself (Jetty:
 * 500) and the transport would go on believing the request is pending.
 */
final class AbandonedRequestListener implements AsyncListener {

    interface Abandoned {
        void abandoned(AsyncContext ac, boolean timedOut);
    }

    private final AsyncContext ac;
    private final Abandoned callback;

    AbandonedRequestListener(AsyncContext ac, Abandoned callback) {
        this.ac = ac;
        this.callback = callback;
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        callback.abandoned(ac, true);
    }

    @Override
    public void onError(AsyncEvent event) {
        callback.abandoned(ac, false);
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}

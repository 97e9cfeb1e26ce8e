package dev.socketee.impl.cdi;

import dev.socketee.SocketEvent;
import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * One {@code @OnSocketEvent} observer found at deployment.
 *
 * @param location {@code Class#method(Types)}, for error messages
 */
record HandlerSite(String namespace, String event, ObserverMethod<? super SocketEvent> observer, String location,
                   java.lang.reflect.Method method) {

    HandlerSite(String namespace, String event, ObserverMethod<? super SocketEvent> observer, String location) {
        this(namespace, event, observer, location, null);
    }

    boolean isPattern() {
        return namespace.startsWith("^");
    }
}

package dev.socketee.impl.cdi;

import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * One {@code @OnSocketEvent} handler found at deployment.
 *
 * @param namespace the effective namespace (the method's, else its class's {@code @SocketNamespace}, else "/")
 * @param location {@code Class#method(Types)}, for error messages
 * @param plan how it is called and who answers its ack
 */
record HandlerSite(String namespace, String event, ObserverMethod<?> observer, String location,
                   java.lang.reflect.Method method, HandlerPlan plan) {

    HandlerSite(String namespace, String event, ObserverMethod<?> observer, String location) {
        this(namespace, event, observer, location, null, HandlerPlan.containerCalled());
    }

    boolean isPattern() {
        return namespace.startsWith("^");
    }
}

package dev.socketee.impl.cdi;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * One {@code @OnSocketEvent} handler found at deployment.
 *
 * @param namespace the effective namespace (the method's, else its class's {@code @SocketNamespace}, else "/")
 * @param location {@code Class#method(Types)}, for error messages
 * @param observer the container's observer, or null for a planned handler (Socketee calls it)
 * @param plan how it is called and who answers its ack
 * @param bean the bean whose method it is
 */
record HandlerSite(String namespace, String event, ObserverMethod<?> observer, String location,
                   java.lang.reflect.Method method, HandlerPlan plan, Bean<?> bean) {

    HandlerSite(String namespace, String event, ObserverMethod<?> observer, String location) {
        this(namespace, event, observer, location, null, HandlerPlan.containerCalled(), null);
    }

    /** A container-called {@code SocketEvent} observer. */
    static HandlerSite observer(String namespace, String event, ObserverMethod<?> observer, String location,
                                java.lang.reflect.Method method) {
        return new HandlerSite(namespace, event, observer, location, method, HandlerPlan.containerCalled(),
                observer.getDeclaringBean());
    }

    boolean async() {
        return plan.planned() ? plan.async() : observer != null && observer.isAsync();
    }

    int priority() {
        return plan.planned() ? plan.priority() : observer == null ? ObserverMethod.DEFAULT_PRIORITY : observer.getPriority();
    }

    /** The key of its call in the invoker. */
    Object key() {
        return plan.planned() ? method : observer;
    }

    HandlerSite withBean(Bean<?> b) {
        return new HandlerSite(namespace, event, observer, location, method, plan, b);
    }

    boolean isPattern() {
        return namespace.startsWith("^");
    }
}

package dev.socketee.impl.cdi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * The request-scoped {@code Socket}, {@code Handshake} and {@code SocketEvent} beans: each call
 * goes to the event whose handler runs on the calling thread ({@link CurrentEvent}), not to the
 * one current when the bean was created. A request context can outlive one event: a handler run
 * on a thread whose request context is already active (the in-process test client called from an
 * Arquillian test inside the server's request) shares it, and a bean created for the first event
 * would otherwise answer for the next socket's.
 */
final class CurrentEventDelegate {

    private CurrentEventDelegate() {
    }

    static <T> T of(Class<T> type, String what, Function<SocketEventImpl, ?> pick) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "the current " + what;
                };
            }
            try {
                return method.invoke(pick.apply(CurrentEvent.required(what)), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}

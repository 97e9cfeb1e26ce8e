package dev.socketee.impl.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of every namespace, grouped once at deployment: namespace (or pattern) -> event ->
 * observers in priority order. Read-only afterwards.
 */
final class HandlerRegistry {

    private final Map<String, Map<String, List<ObserverMethod<? super SocketEvent>>>> byNamespace = new LinkedHashMap<>();
    private final List<ObserverMethod<? super SocketEvent>> defaultErrorHandlers = new ArrayList<>();

    private final Map<ObserverMethod<?>, java.lang.reflect.Method> methods = new java.util.IdentityHashMap<>();

    HandlerRegistry(List<HandlerSite> sites) {
        for (HandlerSite s : sites) {
            if (s.method() != null) {
                methods.put(s.observer(), s.method());
            }
            if ("*".equals(s.namespace())) {
                defaultErrorHandlers.add(s.observer());
                continue;
            }
            byNamespace.computeIfAbsent(s.namespace(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.event(), k -> new ArrayList<>())
                    .add(s.observer());
        }
        Comparator<ObserverMethod<?>> byPriority = Comparator.comparingInt(ObserverMethod::getPriority);
        byNamespace.values().forEach(events -> events.values().forEach(list -> list.sort(byPriority)));
        defaultErrorHandlers.sort(byPriority);
    }

    /** The Java method of each observer, for the invoker's direct calls. */
    Map<ObserverMethod<?>, java.lang.reflect.Method> methods() {
        return methods;
    }

    /** Namespace names and patterns (patterns start with '^'). */
    Iterable<String> namespaces() {
        return byNamespace.keySet();
    }

    Map<String, List<ObserverMethod<? super SocketEvent>>> events(String namespace) {
        return byNamespace.getOrDefault(namespace, Map.of());
    }

    /** Error handlers of a namespace, else the default ones. */
    List<ObserverMethod<? super SocketEvent>> errorHandlers(String namespace) {
        List<ObserverMethod<? super SocketEvent>> own = events(namespace).get(OnSocketEvent.ERROR);
        return own != null ? own : defaultErrorHandlers;
    }
}

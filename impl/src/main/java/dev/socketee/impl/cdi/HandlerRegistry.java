package dev.socketee.impl.cdi;

import dev.socketee.OnSocketEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of every namespace, grouped once at deployment: namespace (or pattern) -> event ->
 * handlers in priority order. Read-only afterwards.
 */
final class HandlerRegistry {

    private final Map<String, Map<String, List<HandlerSite>>> byNamespace = new LinkedHashMap<>();
    private final List<HandlerSite> defaultErrorHandlers = new ArrayList<>();

    HandlerRegistry(List<HandlerSite> sites) {
        for (HandlerSite s : sites) {
            if ("*".equals(s.namespace())) {
                defaultErrorHandlers.add(s);
                continue;
            }
            byNamespace.computeIfAbsent(s.namespace(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.event(), k -> new ArrayList<>())
                    .add(s);
        }
        Comparator<HandlerSite> byPriority = Comparator.comparingInt(HandlerSite::priority);
        byNamespace.values().forEach(events -> events.values().forEach(list -> list.sort(byPriority)));
        defaultErrorHandlers.sort(byPriority);
    }

    /** Namespace names and patterns (patterns start with '^'). */
    Iterable<String> namespaces() {
        return byNamespace.keySet();
    }

    Map<String, List<HandlerSite>> events(String namespace) {
        return byNamespace.getOrDefault(namespace, Map.of());
    }

    /** Error handlers of a namespace, else the default ones. */
    List<HandlerSite> errorHandlers(String namespace) {
        List<HandlerSite> own = events(namespace).get(OnSocketEvent.ERROR);
        return own != null ? own : defaultErrorHandlers;
    }
}

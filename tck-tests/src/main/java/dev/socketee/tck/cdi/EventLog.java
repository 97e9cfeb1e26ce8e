package dev.socketee.tck.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the lifecycle handlers saw, for the tests to ask about. */
@ApplicationScoped
public class EventLog {
    private final List<String> entries = new CopyOnWriteArrayList<>();
    /** What each socket's disconnect handler saw of its thread's context, by socket id. */
    private final Map<String, String> disconnectContexts = new ConcurrentHashMap<>();

    public void add(String entry) {
        entries.add(entry);
    }

    public void disconnectContext(String socketId, String context) {
        disconnectContexts.put(socketId, context);
    }

    /** What the disconnect handler of that socket saw, or null if it has not run. */
    public String disconnectContextOf(String socketId) {
        return disconnectContexts.get(socketId);
    }

    public List<String> entriesAbout(String socketId) {
        return entries.stream().filter(e -> e.contains(socketId)).toList();
    }
}

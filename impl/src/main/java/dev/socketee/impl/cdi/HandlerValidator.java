package dev.socketee.impl.cdi;

import dev.socketee.OnSocketEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the handlers found at deployment and returns every problem at once, each message
 * naming the method(s) involved, so a deployment fails with the whole list.
 */
final class HandlerValidator {

    /** Events several observers may share: nobody answers an ack for them. */
    private static final Set<String> SHAREABLE = Set.of(OnSocketEvent.CONNECT, OnSocketEvent.DISCONNECT,
            OnSocketEvent.DISCONNECTING, OnSocketEvent.ERROR);
    /** Names a client can never send (node reserves them), so a handler for them would never run. */
    private static final Set<String> RESERVED = Set.of("connect_error", "newListener", "removeListener");

    private HandlerValidator() {
    }

    static List<String> problems(List<HandlerSite> sites) {
        List<String> problems = new ArrayList<>();
        Map<String, List<HandlerSite>> byKey = new HashMap<>();
        for (HandlerSite s : sites) {
            problems.addAll(siteProblems(s));
            byKey.computeIfAbsent(s.namespace() + "\u0000" + s.event(), k -> new ArrayList<>()).add(s);
        }
        for (List<HandlerSite> same : byKey.values()) {
            HandlerSite first = same.get(0);
            if (same.size() > 1 && !SHAREABLE.contains(first.event())) {
                StringBuilder where = new StringBuilder();
                for (HandlerSite s : same) {
                    where.append("\n  - ").append(s.location());
                }
                problems.add("@OnSocketEvent(value = \"" + first.event() + "\", namespace = \"" + first.namespace()
                        + "\") has " + same.size() + " handlers; only one may answer the client's ack:" + where);
            }
        }
        return problems;
    }

    private static List<String> siteProblems(HandlerSite s) {
        List<String> p = new ArrayList<>(s.plan().problems());
        String ns = s.namespace();
        if (s.event() == null || s.event().isEmpty()) {
            p.add(s.location() + ": @OnSocketEvent needs an event name");
        } else if (RESERVED.contains(s.event())) {
            p.add(s.location() + ": \"" + s.event() + "\" is reserved by Socket.IO; clients cannot emit it");
        }
        if ("*".equals(ns)) {
            if (!OnSocketEvent.ERROR.equals(s.event())) {
                p.add(s.location() + ": namespace \"*\" is only for the default error handler (value = OnSocketEvent.ERROR)");
            }
        } else if (ns.startsWith("^")) {
            try {
                Pattern.compile(ns);
            } catch (PatternSyntaxException e) {
                p.add(s.location() + ": namespace pattern \"" + ns + "\" is not a valid regular expression: " + e.getDescription());
            }
        } else if (!ns.startsWith("/") || ns.contains(",") || ns.chars().anyMatch(Character::isWhitespace)) {
            p.add(s.location() + ": namespace \"" + ns + "\" must start with '/' (or '^' for a pattern) and contain no ',' or spaces");
        }
        return p;
    }
}

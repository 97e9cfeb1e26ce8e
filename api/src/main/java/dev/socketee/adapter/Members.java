package dev.socketee.adapter;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The members of one entry of {@link InMemoryAdapter}'s maps (a room's socket ids, a socket's rooms)
 * in the smallest form that holds them: {@link #NONE}, the one member's String itself (every socket
 * is alone in its own room, and most are in no other: an idle socket then costs its two map nodes
 * and nothing else), or a concurrent set from the second member on. The map's own per-key atomic
 * updates ({@code compute}) are the only writers; readers iterate whatever value they got, as they
 * iterated the concurrent set before.
 */
final class Members {

    /** No member (a socket in no room keeps its entry until it leaves the namespace). */
    static final Object NONE = Set.of();

    private Members() {
    }

    /** {@code members} with {@code id} added (may be the same, updated, value). */
    static Object add(Object members, String id) {
        if (members == null || members == NONE) {
            return id;
        }
        if (members instanceof String one) {
            if (one.equals(id)) {
                return one;
            }
            Set<String> many = ConcurrentHashMap.newKeySet();
            many.add(one);
            many.add(id);
            return many;
        }
        set(members).add(id);
        return members;
    }

    /** {@code members} without {@code id}; when nothing is left, {@code ifEmpty} (null drops the map entry). */
    static Object remove(Object members, String id, Object ifEmpty) {
        if (members instanceof String one) {
            return one.equals(id) ? ifEmpty : one;
        }
        if (members == null || members == NONE) {
            return members == null ? null : ifEmpty;
        }
        Set<String> many = set(members);
        many.remove(id);
        return many.isEmpty() ? ifEmpty : many;
    }

    static boolean contains(Object members, String id) {
        if (members instanceof String one) {
            return one.equals(id);
        }
        return members != null && members != NONE && set(members).contains(id);
    }

    static void forEach(Object members, Consumer<String> action) {
        if (members instanceof String one) {
            action.accept(one);
        } else if (members != null && members != NONE) {
            for (String id : set(members)) {
                action.accept(id);
            }
        }
    }

    static void addAllTo(Object members, Collection<String> out) {
        if (members instanceof String one) {
            out.add(one);
        } else if (members != null && members != NONE) {
            out.addAll(set(members));
        }
    }

    /** A read-only snapshot. */
    static Set<String> copy(Object members) {
        if (members instanceof String one) {
            return Set.of(one);
        }
        return members == null || members == NONE ? Set.of() : Set.copyOf(set(members));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> set(Object members) {
        return (Set<String>) members;
    }
}

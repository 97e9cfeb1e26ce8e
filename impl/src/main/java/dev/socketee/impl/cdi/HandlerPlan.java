package dev.socketee.impl.cdi;

import dev.socketee.AckCallback;
import dev.socketee.Handshake;
import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * How one handler method is called and who answers its ack, decided once at deployment from its
 * signature.
 *
 * <p>A handler observing {@link SocketEvent} with a {@code void} return is a plain CDI observer:
 * the container calls it (its other parameters are ordinary injection points) and it answers the
 * ack itself with {@code e.ack}. Every other form is <em>planned</em>: the extension takes the
 * {@code @Observes} off the parameter (so the container neither validates its parameters as
 * injection points nor calls it: a vetoed observer is still validated by Weld) and Socketee calls
 * the method with the arguments of this plan:
 * <ul>
 *   <li>the observed parameter: the {@link SocketEvent}, or the payload type bound from event argument 0;</li>
 *   <li>{@link Socket}, {@link Handshake}, {@link SocketEvent}, {@link AckCallback}: from the event, by type;</li>
 *   <li>any other parameter (payload-typed handlers only): the next event argument (1, 2, ...), bound to its type.</li>
 * </ul>
 *
 * <p>The ack rule: a handler that holds the ack ({@code void}, with a {@code SocketEvent} or
 * {@code AckCallback}) answers it itself, whenever it likes, as in node; every other handler is
 * answered when it completes, as in Flask-SocketIO: with its return value (a {@link CompletionStage}'s
 * value when the stage completes), and with no arguments when it returns {@code void} or null.
 */
final class HandlerPlan {

    /** Who answers the client's ack. */
    enum AckRule {
        /** The handler, through {@code e.ack} or an {@link AckCallback}; nothing automatic. */
        BY_HANDLER,
        /** Socketee, when the handler completes: its return value, or no arguments. */
        ON_COMPLETION
    }

    /** Produces one argument of the call from the event. */
    @FunctionalInterface
    interface Arg {
        Object get(SocketEventImpl e);
    }

    private static final Set<String> LIFECYCLE = Set.of(OnSocketEvent.CONNECT, OnSocketEvent.DISCONNECT,
            OnSocketEvent.DISCONNECTING, OnSocketEvent.ERROR);

    private final boolean planned;
    private final boolean async;
    private final int priority;
    private final AckRule ackRule;
    private final boolean returnsValue;
    private final List<ArgSpec> args;
    private final List<String> problems;

    /** One parameter: where its value comes from (for the call and for tests). */
    record ArgSpec(String source, Type type, int argIndex) {
    }

    private HandlerPlan(boolean planned, boolean async, int priority, AckRule ackRule, boolean returnsValue,
                        List<ArgSpec> args, List<String> problems) {
        this.planned = planned;
        this.async = async;
        this.priority = priority;
        this.ackRule = ackRule;
        this.returnsValue = returnsValue;
        this.args = List.copyOf(args);
        this.problems = List.copyOf(problems);
    }

    /** A container-notified {@code SocketEvent} observer (also for observers without an annotated method). */
    static HandlerPlan containerCalled() {
        return new HandlerPlan(false, false, ObserverMethod.DEFAULT_PRIORITY, AckRule.BY_HANDLER, false, List.of(), List.of());
    }

    /**
     * The plan of a method whose parameter {@code observed} is {@code @Observes}/{@code @ObservesAsync}
     * {@code @OnSocketEvent}; {@link #containerCalled()} for a void {@code SocketEvent} observer.
     */
    static HandlerPlan of(AnnotatedMethod<?> am, AnnotatedParameter<?> observed, String event, String location) {
        Method m = am.getJavaMember();
        Observes sync = observed.getAnnotation(Observes.class);
        ObservesAsync async = observed.getAnnotation(ObservesAsync.class);
        Reception reception = sync != null ? sync.notifyObserver() : async.notifyObserver();
        jakarta.annotation.Priority prio = observed.getAnnotation(jakarta.annotation.Priority.class);
        int priority = prio != null ? prio.value() : ObserverMethod.DEFAULT_PRIORITY;
        List<String> problems = new ArrayList<>();
        List<ArgSpec> args = new ArrayList<>();
        Class<?> ret = m.getReturnType();
        boolean returnsValue = ret != void.class;
        boolean observesEvent = observed.getBaseType() == SocketEvent.class;
        if (observesEvent && !returnsValue) {
            return containerCalled();
        }
        boolean holdsAck = false;
        int next = 1; // event argument 0 is the payload
        List<? extends AnnotatedParameter<?>> params = am.getParameters();
        for (AnnotatedParameter<?> p : params) {
            Class<?> raw = rawType(p.getBaseType());
            String where = location + ": parameter " + (p.getPosition() + 1) + " (" + raw.getSimpleName() + ")";
            if (p.getPosition() == observed.getPosition()) {
                if (observesEvent) {
                    args.add(new ArgSpec("event", SocketEvent.class, -1));
                    holdsAck = true;
                } else if (raw == Socket.class || raw == Handshake.class || raw == AckCallback.class) {
                    problems.add(where + ": a handler observes SocketEvent or the payload type, not " + raw.getSimpleName()
                            + "; take the " + raw.getSimpleName() + " as a further parameter");
                    args.add(new ArgSpec("payload", p.getBaseType(), 0));
                } else {
                    args.add(new ArgSpec("payload", p.getBaseType(), 0));
                }
            } else if (raw == SocketEvent.class) {
                args.add(new ArgSpec("event", SocketEvent.class, -1));
                holdsAck = true;
            } else if (raw == Socket.class) {
                args.add(new ArgSpec("socket", Socket.class, -1));
            } else if (raw == Handshake.class) {
                args.add(new ArgSpec("handshake", Handshake.class, -1));
            } else if (raw == AckCallback.class) {
                args.add(new ArgSpec("ack", AckCallback.class, -1));
                holdsAck = true;
                if (returnsValue) {
                    problems.add(where + ": the return value is the ack, so the handler cannot also take an AckCallback; use one of the two");
                }
            } else if (observesEvent) {
                problems.add(where + ": a SocketEvent handler with a return value takes only Socket, Handshake besides the event"
                        + " (read arguments with e.arg; inject beans into fields)");
                args.add(new ArgSpec("argument", p.getBaseType(), -1));
            } else {
                args.add(new ArgSpec("argument", p.getBaseType(), next++));
            }
        }
        if (Modifier.isPrivate(m.getModifiers())) {
            problems.add(location + ": must not be private (Socketee calls it through the bean, so interceptors apply)");
        }
        if (reception == Reception.IF_EXISTS) {
            problems.add(location + ": notifyObserver = IF_EXISTS is not supported for payload-typed handlers or handlers with a return value");
        }
        if (LIFECYCLE.contains(event)) {
            if (returnsValue) {
                problems.add(location + ": \"" + event + "\" has no ack to answer; make the handler void");
            }
            if (!observesEvent) {
                problems.add(location + ": \"" + event + "\" handlers observe SocketEvent (its auth, reason or error), not a payload type");
            }
        }
        AckRule rule = holdsAck && !returnsValue ? AckRule.BY_HANDLER : AckRule.ON_COMPLETION;
        return new HandlerPlan(true, async != null, priority, rule, returnsValue, args, problems);
    }

    private static Class<?> rawType(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** Whether Socketee calls the method itself (its observer vetoed), rather than the container. */
    boolean planned() {
        return planned;
    }

    /** For planned handlers: {@code @ObservesAsync}. */
    boolean async() {
        return async;
    }

    /** For planned handlers: the observed parameter's {@code @Priority}, else the CDI default. */
    int priority() {
        return priority;
    }

    AckRule ackRule() {
        return ackRule;
    }

    /** Whether the return value is the ack (so {@code e.ack} is refused). */
    boolean returnsValue() {
        return returnsValue;
    }

    List<ArgSpec> argSpecs() {
        return args;
    }

    List<String> problems() {
        return problems;
    }

    /** The argument producers, in parameter order. */
    Arg[] arguments() {
        Arg[] out = new Arg[args.size()];
        for (int i = 0; i < out.length; i++) {
            ArgSpec s = args.get(i);
            out[i] = switch (s.source()) {
                case "event", "ack" -> e -> e;
                case "socket" -> SocketEventImpl::socket;
                case "handshake" -> e -> e.socket().handshake();
                default -> argument(s.argIndex(), s.type());
            };
        }
        return out;
    }

    private static Arg argument(int index, Type type) {
        return e -> e.bindArg(index, type);
    }
}

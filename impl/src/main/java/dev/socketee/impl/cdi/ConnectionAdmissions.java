package dev.socketee.impl.cdi;

import dev.socketee.ConnectionAdmission;
import dev.socketee.impl.engine.HandshakeAdmission;
import dev.socketee.impl.engine.HandshakeInfo;
import dev.socketee.impl.engine.ThrottledLog;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Prioritized;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's {@link ConnectionAdmission} beans behind the engine's admission seam: all of
 * them must admit, asked in {@code @Priority} order (lowest first, beans without a priority last,
 * ties by class name), the first refusal answers. The beans are resolved once when the server
 * starts (a normal-scoped bean through its client proxy), never per request.
 */
final class ConnectionAdmissions implements HandshakeAdmission, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConnectionAdmissions.class.getName());
    /** A bean without {@code @Priority} is asked after every bean with one. */
    private static final int NO_PRIORITY = Integer.MAX_VALUE;

    private final List<Named> admissions;
    private final CreationalContext<?> context;
    private final ThrottledLog failures = new ThrottledLog(LOG, Level.WARNING);

    private record Named(String name, ConnectionAdmission admission) {
    }

    private ConnectionAdmissions(List<Named> admissions, CreationalContext<?> context) {
        this.admissions = admissions;
        this.context = context;
    }

    /** Every enabled {@code ConnectionAdmission} bean of the application, in the order they are asked. */
    static ConnectionAdmissions resolve(BeanManager beanManager) {
        List<Bean<?>> beans = new ArrayList<>(beanManager.getBeans(ConnectionAdmission.class, Any.Literal.INSTANCE));
        beans.sort(Comparator.<Bean<?>>comparingInt(ConnectionAdmissions::priority)
                .thenComparing(b -> b.getBeanClass().getName()));
        CreationalContext<?> context = beanManager.createCreationalContext(null);
        List<Named> admissions = new ArrayList<>();
        for (Bean<?> bean : beans) {
            ConnectionAdmission a = (ConnectionAdmission) beanManager.getReference(bean, ConnectionAdmission.class, context);
            admissions.add(new Named(bean.getBeanClass().getName(), a));
        }
        if (!admissions.isEmpty()) {
            LOG.info(() -> "Connection admission, in this order: " + admissions.stream().map(Named::name).toList());
        }
        return new ConnectionAdmissions(List.copyOf(admissions), context);
    }

    static int priority(Bean<?> bean) {
        if (bean instanceof Prioritized p) {
            return p.getPriority();
        }
        Priority p = bean.getBeanClass().getAnnotation(Priority.class);
        return p == null ? NO_PRIORITY : p.value();
    }

    /** The class names of the beans, in the order they are asked. */
    List<String> names() {
        return admissions.stream().map(Named::name).toList();
    }

    @Override
    public Refusal check(HandshakeInfo handshake) {
        if (admissions.isEmpty()) {
            return null;
        }
        HandshakeFacade request = new HandshakeFacade(handshake);
        for (Named n : admissions) {
            ConnectionAdmission.Decision d;
            try {
                d = n.admission().admit(request);
            } catch (RuntimeException e) {
                failures.log(() -> n.name() + ".admit threw " + e + " at " + topFrame(e) + "; handshake refused (500)");
                return new Refusal(500, "Forbidden");
            }
            if (d == null) {
                failures.log(() -> n.name() + ".admit returned null; handshake refused (500)");
                return new Refusal(500, "Forbidden");
            }
            if (!d.admitted()) {
                LOG.fine(() -> n.name() + " refused a handshake: " + d);
                return new Refusal(d.status(), d.message());
            }
        }
        return null;
    }

    private static String topFrame(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return stack.length == 0 ? "(no stack)" : stack[0].toString();
    }

    /** Releases the dependent-scoped beans among them. */
    @Override
    public void close() {
        context.release();
    }
}

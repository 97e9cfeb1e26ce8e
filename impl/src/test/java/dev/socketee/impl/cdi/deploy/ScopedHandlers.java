package dev.socketee.impl.cdi.deploy;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that uses a request-scoped bean twice per call and records what it saw. */
@ApplicationScoped
public class ScopedHandlers {

    /** Per call: "uses of the counter after two calls / request context active". */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** Makes the next call throw after using the counter. */
    public static volatile boolean failNext;

    @Inject
    ScopedCounter counter;

    @Inject
    BeanManager beanManager;

    /** CDI 4.0's way of asking (no isContextActive): the active context, or an exception. */
    public static boolean requestContextActive(BeanManager beanManager) {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (jakarta.enterprise.context.ContextNotActiveException none) {
            return false;
        }
    }

    void count(@Observes @OnSocketEvent("count") SocketEvent e) {
        counter.use();
        SEEN.add(counter.use() + "/" + requestContextActive(beanManager));
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("failing as asked");
        }
    }
}

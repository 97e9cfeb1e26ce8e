package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.cdi.deploy.RequestLifecycleObserver;
import dev.socketee.impl.cdi.deploy.ScopedCounter;
import dev.socketee.impl.cdi.deploy.ScopedHandlers;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handler calls' request context in a real container (Weld SE): Socketee's own when nothing
 * observes the request context's lifecycle, the container's controller otherwise; either way one
 * set of request-scoped instances per call, destroyed when it ends, and an enclosing request
 * context is used as it is.
 */
class HandlerRequestContextTest {

    private static Weld weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new SocketeeExtension()).addBeanClasses(beans);
    }

    private static SocketEventImpl event(String name) {
        return new SocketEventImpl(null, name, List.of(), null, null, null, null, new ArgumentBinder());
    }

    private static void count(WeldContainer c, HandlerInvoker invoker, String eventName) throws Exception {
        HandlerRegistry registry = new HandlerRegistry(c.getBeanManager().getExtension(SocketeeExtension.class).sites());
        invoker.invoke(registry.events("/").get("count"), event(eventName), (e, t) -> { });
    }

    @BeforeEach
    void clear() {
        ScopedHandlers.SEEN.clear();
        ScopedCounter.DESTROYED.clear();
        RequestLifecycleObserver.EVENTS.clear();
    }

    @Test
    void unobservedLifecycleGivesEachCallItsOwnInstancesDestroyedWhenItEnds() throws Exception {
        try (WeldContainer c = weld(ScopedHandlers.class, ScopedCounter.class).initialize()) {
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            assertTrue(invoker.usesOwnRequestContext());
            count(c, invoker, "first");
            assertEquals(List.of("first"), ScopedCounter.DESTROYED, "destroyed at the end of its call, after it saw its event");
            count(c, invoker, "second");
            assertEquals(List.of("2/true", "2/true"), ScopedHandlers.SEEN, "one instance per call, the request context active");
            assertEquals(List.of("first", "second"), ScopedCounter.DESTROYED);
            assertFalse(ScopedHandlers.requestContextActive(c.getBeanManager()), "inactive after the call");
            assertThrows(ContextNotActiveException.class, () -> c.select(ScopedCounter.class).get().use());
        }
    }

    @Test
    void anEnclosingRequestContextIsUsedAndOutlivesTheCall() throws Exception {
        try (WeldContainer c = weld(ScopedHandlers.class, ScopedCounter.class).initialize()) {
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            RequestContextController rc = c.select(RequestContextController.class).get();
            assertTrue(rc.activate());
            try {
                count(c, invoker, "a");
                count(c, invoker, "b");
                assertEquals(List.of("2/true", "4/true"), ScopedHandlers.SEEN, "both calls share the enclosing context's instance");
                assertEquals(List.of(), ScopedCounter.DESTROYED);
            } finally {
                rc.deactivate();
            }
            assertEquals(List.of("b"), ScopedCounter.DESTROYED, "destroyed with the enclosing context");
        }
    }

    @Test
    void observedLifecycleKeepsTheContainersControllerAndItsEvents() throws Exception {
        try (WeldContainer c = weld(ScopedHandlers.class, ScopedCounter.class, RequestLifecycleObserver.class).initialize()) {
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            assertFalse(invoker.usesOwnRequestContext());
            count(c, invoker, "x");
            count(c, invoker, "y");
            assertEquals(List.of("2/true", "2/true"), ScopedHandlers.SEEN);
            assertEquals(List.of("x", "y"), ScopedCounter.DESTROYED);
            assertEquals(List.of("initialized", "destroyed", "initialized", "destroyed"), RequestLifecycleObserver.EVENTS);
        }
    }

    @Test
    void aFailingHandlerStillEndsItsContext() throws Exception {
        try (WeldContainer c = weld(ScopedHandlers.class, ScopedCounter.class).initialize()) {
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            HandlerRegistry registry = new HandlerRegistry(c.getBeanManager().getExtension(SocketeeExtension.class).sites());
            SocketEventImpl bad = event("bad");
            ScopedHandlers.failNext = true;
            assertThrows(IllegalStateException.class, () -> invoker.invoke(registry.events("/").get("count"), bad, (e, t) -> { }));
            assertEquals(List.of("bad"), ScopedCounter.DESTROYED);
            assertFalse(ScopedHandlers.requestContextActive(c.getBeanManager()));
        }
    }
}

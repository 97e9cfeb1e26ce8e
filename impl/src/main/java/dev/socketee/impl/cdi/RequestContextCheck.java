package dev.socketee.impl.cdi;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Whether a request context is active on this thread, without an exception when none is:
 * {@code isContextActive(Class)}, which CDI 4.1 adds to the bean manager and Weld 5 (every server
 * Socketee runs on) already has. CDI 4.0's only way is {@code getContext} throwing
 * {@code ContextNotActiveException}, far too dear per event: without the method there is no check
 * ({@link #of} null) and handlers keep the container's controller.
 */
final class RequestContextCheck {

    private final MethodHandle isContextActive;

    private RequestContextCheck(MethodHandle isContextActive) {
        this.isContextActive = isContextActive;
    }

    /** The check on this bean manager, or null if it has no public {@code isContextActive(Class)}. */
    static RequestContextCheck of(BeanManager beanManager) {
        try {
            Method m = beanManager.getClass().getMethod("isContextActive", Class.class);
            if (m.getReturnType() != boolean.class || Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            MethodHandle h = MethodHandles.publicLookup().unreflect(m).bindTo(beanManager)
                    .asType(MethodType.methodType(boolean.class, Class.class));
            RequestContextCheck check = new RequestContextCheck(h);
            check.requestContextActive(); // fails here, not per event, if the call is refused
            return check;
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }

    boolean requestContextActive() {
        try {
            return (boolean) isContextActive.invokeExact((Class<?>) RequestScoped.class);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}

package dev.socketee.testing.junit5;

import dev.socketee.impl.cdi.SocketeeExtension;
import dev.socketee.impl.cdi.SocketeeRuntime;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Starts and stops Socketee's runtime in a CDI container without a servlet container, the way
 * {@code SocketeeServlet.init()} does in a web application: the extension's {@code start(config,
 * beanManager)} with the configuration read from init parameters.
 *
 * <p>Those methods are package-private in {@code dev.socketee.impl.cdi}, so this reaches them
 * reflectively, in this one class: a public hook there (e.g. {@code SocketeeExtension.startStandalone(
 * BeanManager, Function<String, String> settings)} and {@code stop()}) would replace it. A change of
 * their signatures fails here with a message, at the first test.
 */
final class StandaloneStart {

    private StandaloneStart() {
    }

    static SocketeeRuntime start(BeanManager beanManager, Map<String, String> settings) {
        SocketeeExtension extension = beanManager.getExtension(SocketeeExtension.class);
        try {
            Class<?> configType = Class.forName("dev.socketee.impl.cdi.SocketeeConfig");
            Method load = configType.getDeclaredMethod("load", ServletContext.class);
            load.setAccessible(true);
            Object config = load.invoke(null, InitParameters.context(settings));
            Method start = SocketeeExtension.class.getDeclaredMethod("start", configType, BeanManager.class);
            start.setAccessible(true);
            return (SocketeeRuntime) start.invoke(extension, config, beanManager);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This socketee-testing does not fit this socketee-impl (" + e + ")", e);
        }
    }

    static void stop(BeanManager beanManager) {
        SocketeeExtension extension = beanManager.getExtension(SocketeeExtension.class);
        try {
            Method stop = SocketeeExtension.class.getDeclaredMethod("stop");
            stop.setAccessible(true);
            stop.invoke(extension);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This socketee-testing does not fit this socketee-impl (" + e + ")", e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}

package dev.socketee.impl.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the {@code @OnSocketEvent} observer methods at deployment, validates them (every problem
 * reported as a definition error naming the method), and adds the injectable {@link SocketIo}
 * bean. The server itself starts with the web application ({@link SocketeeServlet#init()}).
 */
public class SocketeeExtension implements Extension {

    private final List<HandlerSite> sites = new ArrayList<>();
    private final java.util.Set<String> serverEventNamespaces = new java.util.LinkedHashSet<>();
    private volatile SocketeeRuntime runtime;

    void onObserver(@Observes ProcessObserverMethod<SocketEvent, ?> pom) {
        OnSocketEvent q = null;
        for (Annotation a : pom.getObserverMethod().getObservedQualifiers()) {
            if (a instanceof OnSocketEvent o) {
                q = o;
            }
        }
        if (q == null) {
            return;
        }
        sites.add(new HandlerSite(q.namespace(), q.value(), pom.getObserverMethod(), location(pom.getAnnotatedMethod()),
                pom.getAnnotatedMethod().getJavaMember()));
    }

    void onServerEventObserver(@Observes ProcessObserverMethod<dev.socketee.ServerEvent, ?> pom) {
        for (Annotation a : pom.getObserverMethod().getObservedQualifiers()) {
            if (a instanceof dev.socketee.OnServerEvent o) {
                serverEventNamespaces.add(o.namespace());
            }
        }
    }

    void afterBeanDiscovery(@Observes AfterBeanDiscovery abd) {
        for (String problem : HandlerValidator.problems(sites)) {
            abd.addDefinitionError(new DefinitionException(problem));
        }
        abd.addBean()
                .types(SocketIo.class, Object.class)
                .scope(ApplicationScoped.class)
                .beanClass(SocketeeExtension.class)
                .createWith(c -> new SocketIoFacade(() -> runtime));
    }

    /** The handlers found (for tests and diagnostics). */
    List<HandlerSite> sites() {
        return List.copyOf(sites);
    }

    synchronized SocketeeRuntime start(SocketeeConfig config, BeanManager beanManager) {
        if (runtime == null) {
            runtime = SocketeeRuntime.start(config, new HandlerRegistry(sites), serverEventNamespaces, beanManager);
        }
        return runtime;
    }

    synchronized void stop() {
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
    }

    private static String location(AnnotatedMethod<?> m) {
        Method j = m.getJavaMember();
        return j.getDeclaringClass().getName() + "#" + j.getName() + "("
                + Arrays.stream(j.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }
}

package dev.socketee.impl.cdi;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import dev.socketee.Handshake;
import dev.socketee.Socket;
import dev.socketee.SocketIo;
import dev.socketee.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
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
 * bean and the request-scoped {@link Socket}, {@link Handshake} and {@link SocketEvent} of the
 * handler running. The server itself starts with the web application ({@link SocketeeServlet#init()}).
 */
public class SocketeeExtension implements Extension {

    private final List<HandlerSite> sites = new ArrayList<>();
    private final java.util.Set<String> serverEventNamespaces = new java.util.LinkedHashSet<>();
    private volatile SocketeeRuntime runtime;

    /**
     * Every observer qualified {@code @OnSocketEvent}, whatever it observes: {@code SocketEvent}
     * or a payload type. Forms Socketee calls itself (see {@link HandlerPlan}) are vetoed, so the
     * container neither validates their parameters as injection points nor calls them.
     */
    void onObserver(@Observes ProcessObserverMethod<?, ?> pom) {
        OnSocketEvent q = null;
        for (Annotation a : pom.getObserverMethod().getObservedQualifiers()) {
            if (a instanceof OnSocketEvent o) {
                q = o;
            }
        }
        if (q == null) {
            return;
        }
        AnnotatedMethod<?> am = pom.getAnnotatedMethod();
        if (am == null) { // a synthetic observer: the container calls it
            sites.add(new HandlerSite(q.namespace(), q.value(), pom.getObserverMethod(), String.valueOf(pom.getObserverMethod())));
            return;
        }
        String location = location(am);
        HandlerPlan plan = HandlerPlan.of(am, pom.getObserverMethod(), q.value(), location);
        if (plan.planned()) {
            pom.veto();
        }
        SocketNamespace classNamespace = am.getDeclaringType().getAnnotation(SocketNamespace.class);
        sites.add(new HandlerSite(namespace(q, classNamespace), q.value(), pom.getObserverMethod(), location,
                am.getJavaMember(), plan));
    }

    /** The method's namespace when it names one other than the default "/", else the class's, else "/". */
    static String namespace(OnSocketEvent method, SocketNamespace type) {
        return type != null && "/".equals(method.namespace()) ? type.value() : method.namespace();
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
        // the current event's socket, handshake and event, for @Inject in request-scoped beans during a handler
        abd.addBean().id("dev.socketee.current.Socket").types(Socket.class, Object.class).scope(RequestScoped.class)
                .beanClass(SocketeeExtension.class).createWith(c -> CurrentEvent.required("Socket").socket());
        abd.addBean().id("dev.socketee.current.Handshake").types(Handshake.class, Object.class).scope(RequestScoped.class)
                .beanClass(SocketeeExtension.class).createWith(c -> CurrentEvent.required("Handshake").socket().handshake());
        abd.addBean().id("dev.socketee.current.SocketEvent").types(SocketEvent.class, Object.class).scope(RequestScoped.class)
                .beanClass(SocketeeExtension.class).createWith(c -> CurrentEvent.required("SocketEvent"));
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

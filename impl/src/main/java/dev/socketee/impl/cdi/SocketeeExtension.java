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
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
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
    /** Planned handlers with the class they were found in, until their beans are known. */
    private final List<java.util.Map.Entry<HandlerSite, Class<?>>> planned = new ArrayList<>();
    private final java.util.Set<Class<?>> plannedClasses = new java.util.HashSet<>();
    private final java.util.Map<Class<?>, Bean<?>> beans = new java.util.HashMap<>();
    private final java.util.Set<String> serverEventNamespaces = new java.util.LinkedHashSet<>();
    private volatile SocketeeRuntime runtime;
    /** Handler calls' own request context (used when nothing observes the request context's lifecycle events). */
    private final HandlerRequestContext handlerContext = new HandlerRequestContext();

    /**
     * Handler methods in a bean class: a void {@code SocketEvent} observer stays the container's
     * (found in {@link #onObserver}); every other form is planned ({@link HandlerPlan}): its
     * {@code @Observes} is taken off, so the container neither calls it nor validates its
     * parameters as injection points (Weld validates even vetoed observers), and Socketee calls it.
     */
    <T> void onType(@Observes @WithAnnotations(OnSocketEvent.class) ProcessAnnotatedType<T> pat) {
        AnnotatedTypeConfigurator<T> type = null;
        for (AnnotatedMethod<? super T> am : pat.getAnnotatedType().getMethods()) {
            for (AnnotatedParameter<? super T> p : am.getParameters()) {
                OnSocketEvent q = p.getAnnotation(OnSocketEvent.class);
                if (q == null || !(p.isAnnotationPresent(Observes.class) || p.isAnnotationPresent(ObservesAsync.class))) {
                    continue;
                }
                String location = location(am);
                HandlerPlan plan = HandlerPlan.of(am, p, q.value(), location);
                if (!plan.planned()) {
                    continue;
                }
                if (type == null) {
                    type = pat.configureAnnotatedType();
                }
                int position = p.getPosition();
                type.filterMethods(m -> m.getJavaMember().equals(am.getJavaMember()))
                        .forEach(mc -> mc.params().get(position)
                                .remove(a -> a instanceof Observes || a instanceof ObservesAsync));
                SocketNamespace classNamespace = am.getDeclaringType().getAnnotation(SocketNamespace.class);
                Class<?> beanClass = pat.getAnnotatedType().getJavaClass();
                planned.add(java.util.Map.entry(new HandlerSite(namespace(q, classNamespace), q.value(), null, location,
                        am.getJavaMember(), plan, null), beanClass));
                plannedClasses.add(beanClass);
            }
        }
    }

    /** The beans of the classes with planned handlers. */
    void onBean(@Observes ProcessManagedBean<?> pmb) {
        if (plannedClasses.contains(pmb.getBean().getBeanClass())) {
            beans.put(pmb.getBean().getBeanClass(), pmb.getBean());
        }
    }

    /** The void {@code SocketEvent} observers: called by the container (or directly, see {@link HandlerInvoker}). */
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
        AnnotatedMethod<?> am = pom.getAnnotatedMethod();
        if (am == null) { // a synthetic observer
            sites.add(new HandlerSite(q.namespace(), q.value(), pom.getObserverMethod(), String.valueOf(pom.getObserverMethod())));
            return;
        }
        SocketNamespace classNamespace = am.getDeclaringType().getAnnotation(SocketNamespace.class);
        sites.add(HandlerSite.observer(namespace(q, classNamespace), q.value(), pom.getObserverMethod(), location(am),
                am.getJavaMember()));
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
        for (java.util.Map.Entry<HandlerSite, Class<?>> entry : planned) {
            HandlerSite p = entry.getKey();
            Bean<?> bean = beans.get(entry.getValue());
            if (bean == null && !java.lang.reflect.Modifier.isStatic(p.method().getModifiers())) {
                abd.addDefinitionError(new DefinitionException(p.location() + ": its class is not a bean (give it a scope such as @ApplicationScoped)"));
            }
            sites.add(p.withBean(bean));
        }
        planned.clear();
        for (String problem : HandlerValidator.problems(sites)) {
            abd.addDefinitionError(new DefinitionException(problem));
        }
        abd.addContext(handlerContext);
        abd.addBean()
                .types(SocketIo.class, Object.class)
                .scope(ApplicationScoped.class)
                .beanClass(SocketeeExtension.class)
                .createWith(c -> new SocketIoFacade(() -> runtime));
        // the current event's socket, handshake and event, for @Inject in request-scoped beans during a handler
        // (delegates to the running handler's event at each call: a request context may span several events)
        abd.addBean().id("dev.socketee.current.Socket").types(Socket.class, Object.class).scope(RequestScoped.class)
                .beanClass(SocketeeExtension.class).createWith(c -> CurrentEventDelegate.of(Socket.class, "Socket", SocketEventImpl::socket));
        abd.addBean().id("dev.socketee.current.Handshake").types(Handshake.class, Object.class).scope(RequestScoped.class)
                .beanClass(SocketeeExtension.class).createWith(c -> CurrentEventDelegate.of(Handshake.class, "Handshake", e -> e.socket().handshake()));
        abd.addBean().id("dev.socketee.current.SocketEvent").types(SocketEvent.class, Object.class).scope(RequestScoped.class)
                .beanClass(SocketeeExtension.class).createWith(c -> CurrentEventDelegate.of(SocketEvent.class, "SocketEvent", e -> e));
    }

    HandlerRequestContext handlerContext() {
        return handlerContext;
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

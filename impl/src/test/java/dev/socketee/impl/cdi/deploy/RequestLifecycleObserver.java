package dev.socketee.impl.cdi.deploy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the request context's lifecycle: its presence makes handlers keep the container's controller. */
@ApplicationScoped
public class RequestLifecycleObserver {

    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    void initialized(@Observes @Initialized(RequestScoped.class) Object payload) {
        EVENTS.add("initialized");
    }

    void destroyed(@Observes @Destroyed(RequestScoped.class) Object payload) {
        EVENTS.add("destroyed");
    }
}

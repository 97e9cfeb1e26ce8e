package dev.socketee.impl.cdi.deploy;

import dev.socketee.OnSocketEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** A payload-typed handler of a @Dependent bean: a new instance per call, destroyed after it. */
@Dependent
public class DependentHandlers {

    public static final AtomicInteger DESTROYED = new AtomicInteger();

    String echo(@Observes @OnSocketEvent(value = "dep", namespace = "/dep") String s) {
        return s;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }
}

package dev.socketee.testing.junit5.discovery;

import dev.socketee.OnSocketEvent;
import dev.socketee.SocketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** Found by @SocketeeTest without a bean list: it sits in the test class's package. */
@ApplicationScoped
public class CounterHandlers {

    private final AtomicInteger count = new AtomicInteger();

    public int count() {
        return count.get();
    }

    void count(@Observes @OnSocketEvent(value = "count", namespace = "/counter") SocketEvent e) {
        e.ack(count.incrementAndGet());
    }
}

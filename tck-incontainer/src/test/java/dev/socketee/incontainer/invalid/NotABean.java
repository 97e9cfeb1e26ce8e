package dev.socketee.incontainer.invalid;

import dev.socketee.OnSocketEvent;
import jakarta.enterprise.event.Observes;

/** Must not deploy: handlers in a class that is no bean (no no-argument or @Inject constructor). */
public class NotABean {

    private final String prefix;

    public NotABean(String prefix) {
        this.prefix = prefix;
    }

    String echo(@Observes @OnSocketEvent("echo-not-a-bean") String s) {
        return prefix + s;
    }
}

package dev.socketee.impl.cdi.deploy;

import dev.socketee.SocketEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean that reads the event of the handler running. */
@RequestScoped
public class CurrentEventReader {

    @Inject
    SocketEvent event;

    public String eventName() {
        return event.name();
    }
}

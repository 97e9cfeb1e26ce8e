package dev.socketee.tck.cdi;

import dev.socketee.Handshake;
import dev.socketee.Socket;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** A request-scoped bean that injects the Socket and Handshake of the handler running. */
@RequestScoped
public class CurrentSocketInfo {

    @Inject
    Socket socket;

    @Inject
    Handshake handshake;

    public String socketId() {
        return socket.id();
    }

    public String namespace() {
        return socket.namespace();
    }

    public String query(String name) {
        List<String> v = handshake.query().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public Map<String, List<String>> handshakeQuery() {
        return handshake.query();
    }
}

package dev.socketee.tck.cdi;

import dev.socketee.ConnectionAdmission;
import dev.socketee.Handshake;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses a handshake with the header {@code X-Admission: deny}: 401 "denied by header". Asked after {@link QueryAdmission}. */
@ApplicationScoped
@Priority(20)
public class HeaderAdmission implements ConnectionAdmission {

    @Override
    public Decision admit(Handshake request) {
        return "deny".equals(request.header("x-admission")) ? Decision.refuse(401, "denied by header") : Decision.admit();
    }
}

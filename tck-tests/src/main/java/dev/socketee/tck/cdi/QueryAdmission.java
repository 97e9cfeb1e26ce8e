package dev.socketee.tck.cdi;

import dev.socketee.ConnectionAdmission;
import dev.socketee.Handshake;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Refuses a handshake that asks for it with {@code ?admission=STATUS} (e.g. 429), answering that
 * status and "refused with STATUS". Asked before {@link HeaderAdmission} (lower priority value).
 */
@ApplicationScoped
@Priority(10)
public class QueryAdmission implements ConnectionAdmission {

    @Override
    public Decision admit(Handshake request) {
        List<String> values = request.query().get("admission");
        if (values == null || values.isEmpty()) {
            return Decision.admit();
        }
        String status = values.get(0);
        return status.matches("[45][0-9][0-9]") ? Decision.refuse(Integer.parseInt(status), "refused with " + status)
                : Decision.refuse("refused by query");
    }
}

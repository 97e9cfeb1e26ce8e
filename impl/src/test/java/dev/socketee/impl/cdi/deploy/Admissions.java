package dev.socketee.impl.cdi.deploy;

import dev.socketee.ConnectionAdmission;
import dev.socketee.Handshake;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;

/** Connection admission beans of several priorities, each refusing on its own query parameter. */
public final class Admissions {

    private Admissions() {
    }

    private static ConnectionAdmission.Decision refuseOn(Handshake h, String key, int status) {
        return h.query().containsKey(key) ? ConnectionAdmission.Decision.refuse(status, key) : ConnectionAdmission.Decision.admit();
    }

    /** Asked last: no priority. */
    @ApplicationScoped
    public static class Unprioritized implements ConnectionAdmission {
        @Override
        public Decision admit(Handshake request) {
            return refuseOn(request, "late", 403);
        }
    }

    @ApplicationScoped
    @Priority(20)
    public static class Second implements ConnectionAdmission {
        @Override
        public Decision admit(Handshake request) {
            return refuseOn(request, "second", 429);
        }
    }

    @Dependent
    @Priority(10)
    public static class First implements ConnectionAdmission {
        @Override
        public Decision admit(Handshake request) {
            if (request.query().containsKey("boom")) {
                throw new IllegalStateException("boom");
            }
            return refuseOn(request, "first", 401);
        }
    }
}

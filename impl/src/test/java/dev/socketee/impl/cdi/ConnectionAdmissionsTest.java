package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.socketee.impl.cdi.deploy.Admissions;
import dev.socketee.impl.engine.HandshakeAdmission.Refusal;
import dev.socketee.impl.engine.HandshakeInfo;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The application's ConnectionAdmission beans, in a real CDI container (Weld SE). */
class ConnectionAdmissionsTest {

    private static WeldContainer weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new SocketeeExtension()).addBeanClasses(beans).initialize();
    }

    private static HandshakeInfo handshake(String... queryKeys) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        for (String k : queryKeys) {
            query.put(k, List.of("1"));
        }
        return new HandshakeInfo(Map.of(), query, InetSocketAddress.createUnresolved("127.0.0.1", 1), 0, null, null);
    }

    @Test
    void withoutBeansEveryHandshakeIsAdmitted() {
        try (WeldContainer c = weld(dev.socketee.impl.cdi.deploy.GoodHandlers.class); ConnectionAdmissions a = ConnectionAdmissions.resolve(c.getBeanManager())) {
            assertEquals(List.of(), a.names());
            assertNull(a.check(handshake("first")));
        }
    }

    @Test
    void allMustAdmitAskedInPriorityOrderAndTheFirstRefusalAnswers() {
        try (WeldContainer c = weld(Admissions.Unprioritized.class, Admissions.Second.class, Admissions.First.class);
             ConnectionAdmissions a = ConnectionAdmissions.resolve(c.getBeanManager())) {
            assertEquals(List.of(Admissions.First.class.getName(), Admissions.Second.class.getName(),
                    Admissions.Unprioritized.class.getName()), a.names());
            assertNull(a.check(handshake()));
            assertEquals(new Refusal(401, "first"), a.check(handshake("first", "second", "late")));
            assertEquals(new Refusal(429, "second"), a.check(handshake("second", "late")));
            assertEquals(new Refusal(403, "late"), a.check(handshake("late")));
        }
    }

    @Test
    void aBeanThatThrowsRefusesWith500() {
        try (WeldContainer c = weld(Admissions.First.class); ConnectionAdmissions a = ConnectionAdmissions.resolve(c.getBeanManager())) {
            assertEquals(new Refusal(500, "Forbidden"), a.check(handshake("boom")));
        }
    }
}

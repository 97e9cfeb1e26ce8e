package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Proxy;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The cheap "is a request context active?" check: Weld's bean manager has one, a CDI 4.0-only one has none. */
class RequestContextCheckTest {

    @Test
    void weldsBeanManagerAnswersWithoutAnException() {
        try (WeldContainer c = new Weld().disableDiscovery().addExtension(new SocketeeExtension()).addBeanClasses(dev.socketee.impl.cdi.deploy.ScopedCounter.class).initialize()) {
            RequestContextCheck check = RequestContextCheck.of(c.getBeanManager());
            assertNotNull(check);
            assertFalse(check.requestContextActive());
            RequestContextController rc = c.select(RequestContextController.class).get();
            rc.activate();
            try {
                assertTrue(check.requestContextActive());
            } finally {
                rc.deactivate();
            }
            assertFalse(check.requestContextActive());
        }
    }

    @Test
    void aBeanManagerWithoutIsContextActiveHasNoCheck() {
        BeanManager plain = (BeanManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BeanManager.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        assertNull(RequestContextCheck.of(plain));
    }
}

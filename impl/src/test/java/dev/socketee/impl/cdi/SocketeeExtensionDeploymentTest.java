package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.SocketIo;
import dev.socketee.impl.cdi.deploy.DuplicateHandlers;
import dev.socketee.impl.cdi.deploy.GoodHandlers;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The extension in a real CDI container (Weld SE): what it finds, what it refuses, what it adds. */
class SocketeeExtensionDeploymentTest {

    private static Weld weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new SocketeeExtension()).addBeanClasses(beans);
    }

    @Test
    void badHandlersFailTheDeploymentNamingEveryMethod() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> weld(DuplicateHandlers.class).initialize().close());
        String all = messages(e);
        assertTrue(all.contains("DuplicateHandlers#first(SocketEvent)") && all.contains("DuplicateHandlers#second(SocketEvent)"), all);
        assertTrue(all.contains("only one may answer the client's ack"), all);
        assertTrue(all.contains("DuplicateHandlers#slashless(SocketEvent): namespace \"room\""), all);
    }

    @Test
    void goodHandlersDeployAndTheServerHandleIsInjectable() {
        try (WeldContainer c = weld(GoodHandlers.class).initialize()) {
            SocketeeExtension ext = c.getBeanManager().getExtension(SocketeeExtension.class);
            HandlerRegistry registry = new HandlerRegistry(ext.sites());
            assertEquals(2, registry.events("/room").size());
            SocketIo io = c.select(GoodHandlers.class).get().io();
            IllegalStateException notStarted = assertThrows(IllegalStateException.class, () -> io.emit("x"));
            assertTrue(notStarted.getMessage().contains("not started"), notStarted.getMessage());
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            sb.append(x.getMessage()).append('\n');
            for (Throwable s : x.getSuppressed()) {
                sb.append(s.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }
}

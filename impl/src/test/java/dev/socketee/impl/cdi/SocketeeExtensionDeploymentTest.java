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

    @Test
    void handlersOfNormalScopedBeansAreCalledDirectlyNotThroughTheContainersNotification() throws Exception {
        try (WeldContainer c = weld(GoodHandlers.class).initialize()) {
            HandlerRegistry registry = new HandlerRegistry(c.getBeanManager().getExtension(SocketeeExtension.class).sites());
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            SocketEventImpl event = new SocketEventImpl(null, "chat", java.util.List.of(), null, null, null, null, new ArgumentBinder());
            GoodHandlers.lastChatStack = null;
            invoker.invoke(registry.events("/room").get("chat"), event, (e, t) -> { });
            StackTraceElement[] stack = GoodHandlers.lastChatStack;
            assertTrue(stack != null, "the handler ran");
            boolean viaContainer = java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.jboss.weld.event"));
            assertTrue(!viaContainer, () -> "called through Weld's observer notification:\n" + java.util.Arrays.toString(stack));
        }
    }

    static String messages(Throwable t) {
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

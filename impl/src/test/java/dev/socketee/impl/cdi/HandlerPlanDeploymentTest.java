package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.cdi.deploy.BadPlannedHandlers;
import dev.socketee.impl.cdi.deploy.CurrentEventReader;
import dev.socketee.impl.cdi.deploy.DependentHandlers;
import dev.socketee.impl.cdi.deploy.PlannedHandlers;
import dev.socketee.impl.json.RawJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The new handler forms in a real CDI container (Weld SE): their plans, their calls, their refusals. */
class HandlerPlanDeploymentTest {

    private static Weld weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addExtension(new SocketeeExtension()).addBeanClasses(beans);
    }

    private static Map<String, HandlerSite> sites(WeldContainer c) {
        return c.getBeanManager().getExtension(SocketeeExtension.class).sites().stream()
                .collect(Collectors.toMap(s -> s.method().getName(), s -> s));
    }

    private static SocketEventImpl event(String name, String... jsonArgs) {
        List<Object> args = java.util.Arrays.stream(jsonArgs).map(j -> (Object) new RawJson(j)).toList();
        return new SocketEventImpl(null, name, args, null, null, null, null, new ArgumentBinder());
    }

    @Test
    void theClassNamespaceAppliesUnlessTheMethodNamesAnother() {
        try (WeldContainer c = weld(PlannedHandlers.class, CurrentEventReader.class).initialize()) {
            Map<String, HandlerSite> s = sites(c);
            assertEquals("/chat", s.get("add").namespace());
            assertEquals("/chat", s.get("ret").namespace());
            assertEquals("/other", s.get("elsewhere").namespace());
        }
    }

    @Test
    void plansAreDecidedAtDeployment() {
        try (WeldContainer c = weld(PlannedHandlers.class, CurrentEventReader.class).initialize()) {
            Map<String, HandlerSite> s = sites(c);
            assertEquals(List.of("payload@0", "argument@1", "socket@-1"), specs(s.get("add")));
            assertEquals(HandlerPlan.AckRule.ON_COMPLETION, s.get("add").plan().ackRule());
            assertEquals(List.of("payload@0", "socket@-1", "ack@-1"), specs(s.get("chat")));
            assertEquals(HandlerPlan.AckRule.BY_HANDLER, s.get("chat").plan().ackRule());
            assertEquals(HandlerPlan.AckRule.ON_COMPLETION, s.get("plain").plan().ackRule(), "void without the ack: answered empty");
            assertTrue(s.get("ret").plan().planned() && s.get("ret").plan().returnsValue());
            assertTrue(!s.get("elsewhere").plan().planned(), "a void SocketEvent observer stays the container's");
            assertEquals(HandlerPlan.AckRule.BY_HANDLER, s.get("elsewhere").plan().ackRule());
            assertTrue(s.get("later").async() && !s.get("ret").async());
        }
    }

    private static List<String> specs(HandlerSite s) {
        return s.plan().argSpecs().stream().map(a -> a.source() + "@" + a.argIndex()).toList();
    }

    @Test
    void plannedHandlersAreCalledWithBoundArgumentsAndTheCurrentEventIsInjectable() throws Exception {
        try (WeldContainer c = weld(PlannedHandlers.class, CurrentEventReader.class).initialize()) {
            HandlerRegistry registry = new HandlerRegistry(c.getBeanManager().getExtension(SocketeeExtension.class).sites());
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            invoker.invoke(registry.events("/chat").get("add"), event("add", "2", "40"), (e, t) -> failed.set(t));
            assertEquals(List.of(2, 40), PlannedHandlers.last);
            invoker.invoke(registry.events("/chat").get("chat"), event("chat", "{\"text\":\"hi\"}"), (e, t) -> failed.set(t));
            assertEquals(new PlannedHandlers.Msg("hi"), PlannedHandlers.last);
            invoker.invoke(registry.events("/chat").get("plain"), event("plain", "[1,2]"), (e, t) -> failed.set(t));
            assertEquals(List.of(1, 2), PlannedHandlers.last);
            invoker.invoke(registry.events("/chat").get("who"), event("who"), (e, t) -> failed.set(t)); // throws if no event
            assertEquals(null, failed.get());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () ->
                    invoker.invoke(registry.events("/chat").get("add"), event("add", "2"), (e, t) -> { }));
            assertTrue(missing.getMessage().contains("int"), missing.getMessage());
        }
    }

    @Test
    void aHandlerReturningItsAckCannotCallAck() throws Exception {
        try (WeldContainer c = weld(PlannedHandlers.class, CurrentEventReader.class).initialize()) {
            HandlerSite ret = sites(c).get("ret");
            SocketEventImpl e = event("ret");
            e.ackIsReturnedBy(ret.location());
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> e.ack("x"));
            assertTrue(refused.getMessage().contains("PlannedHandlers#ret(SocketEvent)"), refused.getMessage());
        }
    }

    @Test
    void dependentHandlersGetAnInstancePerCallDestroyedAfterIt() throws Exception {
        try (WeldContainer c = weld(DependentHandlers.class).initialize()) {
            HandlerRegistry registry = new HandlerRegistry(c.getBeanManager().getExtension(SocketeeExtension.class).sites());
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            int before = DependentHandlers.DESTROYED.get();
            invoker.invoke(registry.events("/dep").get("dep"), event("dep", "\"a\""), (e, t) -> { });
            invoker.invoke(registry.events("/dep").get("dep"), event("dep", "\"b\""), (e, t) -> { });
            assertEquals(before + 2, DependentHandlers.DESTROYED.get());
        }
    }

    @Test
    void plannedHandlersAreIntercepted() throws Exception {
        try (WeldContainer c = weld(dev.socketee.impl.cdi.deploy.TracedHandlers.class,
                dev.socketee.impl.cdi.deploy.TracingInterceptor.class).initialize()) {
            HandlerRegistry registry = new HandlerRegistry(c.getBeanManager().getExtension(SocketeeExtension.class).sites());
            HandlerInvoker invoker = new HandlerInvoker(c.getBeanManager(), Runnable::run, 2, 64);
            dev.socketee.impl.cdi.deploy.TracingInterceptor.CALLS.clear();
            invoker.invoke(registry.events("/").get("shout"), event("shout", "\"hey\""), (e, t) -> { });
            assertEquals(List.of("shout[hey]"), dev.socketee.impl.cdi.deploy.TracingInterceptor.CALLS);
        }
    }

    @Test
    void everyInvalidFormFailsTheDeploymentNamingTheMethod() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> weld(BadPlannedHandlers.class).initialize().close());
        String all = SocketeeExtensionDeploymentTest.messages(e);
        String c = "BadPlannedHandlers#";
        assertTrue(all.contains(c + "returnsAndTakesCallback(String, AckCallback): parameter 2 (AckCallback): the return value is the ack"), all);
        assertTrue(all.contains(c + "privatePayload(String): must not be private"), all);
        assertTrue(all.contains(c + "connectReturns(SocketEvent): \"connect\" has no ack to answer"), all);
        assertTrue(all.contains(c + "disconnectPayload(String): \"disconnect\" handlers observe SocketEvent"), all);
        assertTrue(all.contains(c + "observesSocket(Socket): parameter 1 (Socket): a handler observes SocketEvent or the payload type"), all);
        assertTrue(all.contains(c + "eventWithArgument(SocketEvent, String): parameter 2 (String): a SocketEvent handler with a return value"), all);
        assertTrue(all.contains(c + "classNamespace(String): namespace \"bad\" must start with '/'"), all);
    }
}

package dev.socketee.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.incontainer.app.Announcer;
import dev.socketee.incontainer.app.AuditInterceptor;
import dev.socketee.incontainer.app.Audited;
import dev.socketee.incontainer.app.ContainerHandlers;
import dev.socketee.incontainer.app.DecoratedHandlers;
import dev.socketee.incontainer.app.EchoHandlers;
import dev.socketee.incontainer.app.Greeter;
import dev.socketee.incontainer.app.InterceptedHandlers;
import dev.socketee.incontainer.app.PerEvent;
import dev.socketee.incontainer.app.ScopeHandlers;
import dev.socketee.incontainer.app.ShoutingGreeter;
import dev.socketee.incontainer.app.TransactionHandlers;
import dev.socketee.incontainer.app.Where;
import dev.socketee.testing.SocketTestClient;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What handlers see inside the container, on every server: one WAR (one deployment, so Payara
 * Micro boots once for all of it). The in-container tests drive the handlers with the in-process
 * {@link SocketTestClient}; the client test drives the deployed URL with io.socket on both transports.
 */
@ExtendWith(ArquillianExtension.class)
class FeaturesIT {

    static final String NS = "/it";

    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.war("features", Deployments.class, Announcer.class, Audited.class, AuditInterceptor.class,
                        InterceptedHandlers.class, Greeter.class, DecoratedHandlers.class, ShoutingGreeter.class,
                        PerEvent.class, ScopeHandlers.class, Where.class, ContainerHandlers.class, EchoHandlers.class)
                .setWebXML(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <env-entry>
                            <env-entry-name>socketee/greeting</env-entry-name>
                            <env-entry-type>java.lang.String</env-entry-type>
                            <env-entry-value>hello from java:comp/env</env-entry-value>
                          </env-entry>
                        </web-app>
                        """));
        if (!"embedded".equals(Deployments.server())) { // Jetty + Weld has no Jakarta Transactions
            war.addClass(TransactionHandlers.class);
        }
        return war;
    }

    /** Looked up rather than @Inject-ed: Arquillian's CDI enricher finds no BeanManager on the embedded default. */
    private static <T> T bean(Class<T> type) {
        return jakarta.enterprise.inject.spi.CDI.current().select(type).get();
    }

    private static boolean embedded() {
        return "embedded".equals(Deployments.serverInside());
    }

    @Test
    void socketIoIsInjectedIntoAnArbitraryBean() {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            bean(Announcer.class).announce("to everyone");
            assertEquals(List.of("to everyone"), client.awaitEvent("announcement").args());
        }
    }

    /**
     * The in-process client runs handlers on the thread that emits; this test's thread is inside
     * Arquillian's servlet request, whose request context the handlers would share. Emitting from
     * a thread of its own, as a WebSocket read does, each event gets its own.
     */
    @Test
    void eachEventGetsItsOwnRequestScopedBeans() throws Exception {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            int destroyed = PerEvent.DESTROYED.get();
            List<?> first = (List<?>) offRequest(() -> client.emitWithAck("request-scoped", "a")).get(0);
            List<?> second = (List<?>) offRequest(() -> client.emitWithAck("request-scoped", "b")).get(0);
            assertEquals(first.get(0), first.get(1), "one instance during one event");
            assertNotEquals(first.get(0), second.get(0), "a new instance for the next event");
            assertEquals(client.id(), first.get(2), "the request-scoped Socket is the event's");
            assertEquals(destroyed + 2, PerEvent.DESTROYED.get(), "destroyed after each event");
        }
    }

    /**
     * On the test's own thread (inside Arquillian's request, so the handlers share its request
     * context): still, the request-scoped Socket a handler's bean injects is the event's own.
     */
    @Test
    void theInjectedSocketIsTheEventsEvenInASharedRequestContext() {
        try (SocketTestClient ann = SocketTestClient.connect(NS); SocketTestClient bob = SocketTestClient.connect(NS)) {
            assertEquals(ann.id(), ((List<?>) ann.emitWithAck("request-scoped", "a").get(0)).get(2));
            assertEquals(bob.id(), ((List<?>) bob.emitWithAck("request-scoped", "b").get(0)).get(2));
        }
    }

    private static <T> T offRequest(java.util.concurrent.Callable<T> task) throws Exception {
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return thread.submit(task).get(20, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }

    @Test
    void anInterceptorWrapsTheHandlersOfItsBean() {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            assertEquals(List.of("[hello ann]"), client.emitWithAck("intercepted", "ann"));
            assertEquals(List.of("pong"), client.emitWithAck("intercepted-ping"));
            assertTrue(AuditInterceptor.CALLS.containsAll(List.of("hello", "pinged")), AuditInterceptor.CALLS::toString);
        }
    }

    @Test
    void aDecoratorWrapsTheHandlerItDecorates() {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            assertEquals(List.of("HI ANN"), client.emitWithAck("decorated", "ann"));
        }
    }

    @Test
    void asyncHandlersRunOnTheManagedExecutorWithJavaComp() {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            Map<?, ?> where = (Map<?, ?>) client.emitWithAck("where-async", "x").get(0);
            assertEquals(true, where.get("appClassLoader"), where::toString);
            if (embedded()) { // no managed executor: Socketee's own pool
                assertTrue(((String) where.get("thread")).startsWith("socketee-async-"), where::toString);
            } else {
                assertFalse(((String) where.get("thread")).startsWith("socketee-async-"), where::toString);
                assertEquals("hello from java:comp/env", where.get("envEntry"), where::toString);
                assertEquals("found", where.get("managedExecutor"), where::toString);
            }
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "socketee.server", matches = "embedded", disabledReason = "the embedded default has no JNDI")
    void syncHandlersSeeJavaComp() {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            Map<?, ?> where = (Map<?, ?>) client.emitWithAck("where-sync", "x").get(0);
            assertEquals("hello from java:comp/env", where.get("envEntry"), where::toString);
            assertEquals("found", where.get("managedExecutor"), where::toString);
            assertEquals(true, where.get("appClassLoader"), where::toString);
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "socketee.server", matches = "embedded", disabledReason = "the embedded default has no Jakarta Transactions")
    void handlersRunTransactions() {
        try (SocketTestClient client = SocketTestClient.connect(NS)) {
            assertEquals(List.of(Map.of("inTransaction", true, "committed", true, "after", true)), client.emitWithAck("tx-manual", "x"));
            assertEquals(List.of(true), client.emitWithAck("tx-annotated", "x"));
        }
    }

    /** Outside the container: the deployed WAR's URL, io.socket on polling and on websocket. */
    @Test
    @RunAsClient
    void realClientsReachTheDeployedHandlers(@ArquillianResource URL url) throws Exception {
        for (String transport : List.of("polling", "websocket")) {
            assertEquals("over " + transport, RealClient.echo(url, NS, transport, "over " + transport));
        }
    }

    /**
     * Two events in one polling POST, handled on the request's thread one after the other: each
     * still gets its own request-scoped bean (the servlet request's context must not be shared).
     */
    @Test
    @RunAsClient
    void twoEventsInOnePollingPostGetARequestScopedBeanEach(@ArquillianResource URL url) throws Exception {
        RawPolling polling = RawPolling.connect(url, NS);
        polling.post("42" + NS + ",1[\"request-scoped\",\"a\"]", "42" + NS + ",2[\"request-scoped\",\"b\"]");
        List<String> acks = polling.awaitPackets("43" + NS + ",", 2);
        assertEquals(2, acks.size(), acks::toString);
        java.util.regex.Pattern ack = java.util.regex.Pattern.compile("43" + NS + ",\\d+\\[\\[(\\d+),(\\d+),\"[^\"]+\"\\]\\]");
        List<String> instances = new java.util.ArrayList<>();
        for (String a : acks) {
            java.util.regex.Matcher m = ack.matcher(a);
            assertTrue(m.matches(), a);
            assertEquals(m.group(1), m.group(2), a);
            instances.add(m.group(1));
        }
        assertNotEquals(instances.get(0), instances.get(1), "one request-scoped instance per event: " + acks);
    }
}

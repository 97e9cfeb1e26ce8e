package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.OnServerEvent;
import dev.socketee.ServerEvent;
import dev.socketee.adapter.Adapter;
import dev.socketee.adapter.AdapterFactory;
import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.NamespaceHost;
import dev.socketee.impl.sio.Namespace;
import dev.socketee.impl.sio.NamespaceHandlers;
import dev.socketee.impl.sio.SioServer;
import dev.socketee.engine.EngineIoOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The CDI side of a cluster in a real container (Weld SE): an application's adapter factory, server-side events. */
class ClusterCdiTest {

    @ApplicationScoped
    public static class AppAdapterFactory implements AdapterFactory {
        private final List<String> namespaces = new CopyOnWriteArrayList<>();

        List<String> namespaces() { // through the client proxy: a method, not the field
            return namespaces;
        }

        @Override
        public Adapter create(NamespaceHost namespace) {
            namespaces.add(namespace.name());
            return new InMemoryAdapter(namespace);
        }
    }

    @RequestScoped
    public static class PerEvent {
        int id() {
            return System.identityHashCode(this);
        }
    }

    @ApplicationScoped
    public static class ServerEventObserver {
        static final List<String> seen = new CopyOnWriteArrayList<>();
        @Inject
        PerEvent perEvent;

        void onRefresh(@Observes @OnServerEvent("refresh") ServerEvent e) {
            seen.add(e.namespace() + " " + e.event() + " " + e.arg(0, String.class) + " request-scoped=" + ((perEvent.id() != 0)));
            e.ack("done");
        }

        void onOther(@Observes @OnServerEvent(value = "refresh", namespace = "/other") ServerEvent e) {
            seen.add("other namespace");
        }
    }

    @Test
    void anApplicationAdapterFactoryBeanWinsOverTheConfiguration() {
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(AppAdapterFactory.class).initialize()) {
            AdapterFactory chosen = AdapterSelection.choose(c.getBeanManager(), "redis", k -> null);
            SioServer server = new SioServer(EngineIoOptions.builder().build(), Duration.ofSeconds(45)).adapterFactory(chosen);
            Namespace ns = server.namespace("/chat", new NamespaceHandlers());
            ns.adapter();
            assertEquals(List.of("/chat"), c.select(AppAdapterFactory.class).get().namespaces(),
                    "the bean made the adapter although socketee.adapter names another (no redis provider needed)");
        }
    }

    @Test
    void aServerSideEmitReachesItsNamespacesObserversInARequestContextAndAcks() throws Exception {
        ServerEventObserver.seen.clear();
        try (WeldContainer c = new Weld().disableDiscovery().addBeanClasses(ServerEventObserver.class, PerEvent.class).initialize()) {
            SioServer server = new SioServer(EngineIoOptions.builder().build(), Duration.ofSeconds(45));
            Namespace root = server.namespace("/", new NamespaceHandlers());
            ServerEventDispatcher dispatcher = new ServerEventDispatcher(c.getBeanManager(), new ArgumentBinder());
            List<Object> acks = new ArrayList<>();
            dispatcher.onServerEvent(root, "refresh", List.of("key-1"), acks::add);
            assertEquals(List.of("/ refresh key-1 request-scoped=true"), ServerEventObserver.seen);
            assertEquals(List.of("done"), acks);
            assertTrue(c.isRunning());
        }
    }
}

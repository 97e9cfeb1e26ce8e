package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.adapter.InMemoryAdapter;
import dev.socketee.adapter.NamespaceHost;
import org.junit.jupiter.api.Test;

class AdapterSelectionTest {

    private static NamespaceHost host() {
        return (NamespaceHost) java.lang.reflect.Proxy.newProxyInstance(NamespaceHost.class.getClassLoader(),
                new Class<?>[] {NamespaceHost.class}, (p, m, a) -> m.getName().equals("name") ? "/" : null);
    }

    @Test
    void memoryAndNothingMeanTheInMemoryAdapter() {
        for (String name : new String[] {null, "", " memory "}) {
            assertInstanceOf(InMemoryAdapter.class, AdapterSelection.byName(name, k -> null, getClass().getClassLoader()).create(host()));
        }
    }

    @Test
    void anUnknownNameFailsTheStartSayingWhatToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AdapterSelection.byName("kafka", k -> null, getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("socketee.adapter=kafka") && e.getMessage().contains("socketee-redis"), e.getMessage());
    }
}

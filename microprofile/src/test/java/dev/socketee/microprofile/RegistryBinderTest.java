package dev.socketee.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.impl.metrics.Meter;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registration loop both binders share, against a registry that is a map of names. */
class RegistryBinderTest {

    /** Registers under the meter's name; refuses (no handle) names starting with "skip". */
    private static final class MapBinder extends RegistryBinder<Map<String, Meter>, String> {
        @Override
        protected Instance<Map<String, Meter>> registries() {
            throw new UnsupportedOperationException("bindTo is called directly");
        }

        MapBinder() {
            super("Map");
        }

        @Override
        protected String register(Map<String, Meter> registry, Meter meter) {
            if (meter.name().startsWith("skip")) {
                return null;
            }
            registry.put(meter.name(), meter);
            return meter.name();
        }

        @Override
        protected void remove(Map<String, Meter> registry, String handle) {
            registry.remove(handle);
        }
    }

    private static Meter gauge(String name) {
        return Meter.gauge(name, "help", Map.of(), () -> 1);
    }

    @Test
    void registersEveryMeterAndUnbindRemovesExactlyThose() {
        Map<String, Meter> registry = new LinkedHashMap<>();
        registry.put("someone.elses", gauge("someone.elses"));
        MapBinder binder = new MapBinder();
        binder.bindTo(registry, List.of(gauge("a"), Meter.counter("b", "help", Map.of(), () -> 2)));
        assertEquals(List.of("someone.elses", "a", "b"), new ArrayList<>(registry.keySet()));
        binder.unbind();
        assertEquals(List.of("someone.elses"), new ArrayList<>(registry.keySet()));
    }

    @Test
    void aMeterTheRegistryMadeNoHandleForIsNotRemoved() {
        Map<String, Meter> registry = new LinkedHashMap<>();
        MapBinder binder = new MapBinder();
        binder.bindTo(registry, List.of(gauge("skip.me"), gauge("kept")));
        registry.put("skip.me", gauge("skip.me")); // registered by someone else meanwhile
        binder.unbind();
        assertEquals(List.of("skip.me"), new ArrayList<>(registry.keySet()));
    }

    @Test
    void unbindWithoutBindAndTwiceIsHarmless() {
        MapBinder binder = new MapBinder();
        binder.unbind();
        Map<String, Meter> registry = new LinkedHashMap<>();
        binder.bindTo(registry, List.of(gauge("a")));
        binder.unbind();
        binder.unbind();
        assertEquals(Map.of(), registry);
    }
}

package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Which Jsonb the binder uses, looked up in a real CDI container (Weld SE) as SocketeeRuntime.start does. */
class JsonbSourceTest {

    /**
     * A bean with fields, not a record: Yasson binds a record through its constructor's parameter
     * names, and once Jazzer's agent is in the JVM (a fuzz test ran first in the same surefire
     * fork) the record read back with every property null; what is tested here is whose Jsonb
     * binds, not how Yasson finds a record's parameters.
     */
    public static class Person {
        public String firstName;
        public byte[] photo;

        public Person() {
        }

        Person(String firstName, byte[] photo) {
            this.firstName = firstName;
            this.photo = photo;
        }

        String firstName() {
            return firstName;
        }
    }

    @ApplicationScoped
    public static class JsonbProducer {
        @Produces
        Jsonb jsonb() {
            return JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
        }
    }

    @ApplicationScoped
    public static class ConfigProducer {
        @Produces
        JsonbConfig config() {
            return new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE);
        }
    }

    @ApplicationScoped
    public static class NoProducer {
    }

    private static WeldContainer weld(Class<?>... beans) {
        return new Weld().disableDiscovery().addBeanClasses(beans).initialize();
    }

    private static String emit(ArgumentBinder binder) {
        return SioPacketEncoder.event("/", "p", List.of(new Person("Ada", new byte[] {1})), -1, binder.fallback()).text();
    }

    @Test
    void applicationsJsonbIsUsedAsItIs() {
        try (WeldContainer c = weld(JsonbProducer.class)) {
            ArgumentBinder binder = new ArgumentBinder(c.getBeanManager());
            assertEquals("2[\"p\",{\"first_name\":\"Ada\",\"photo\":[1]}]", emit(binder));
            Person p = binder.bind(new dev.socketee.impl.json.RawJson("{\"first_name\":\"Bo\"}"), Person.class);
            assertEquals("Bo", p.firstName());
        }
    }

    @Test
    void applicationsJsonbConfigIsUsedAndBinaryStaysAttachments() {
        try (WeldContainer c = weld(ConfigProducer.class)) {
            ArgumentBinder binder = new ArgumentBinder(c.getBeanManager());
            assertEquals("51-[\"p\",{\"FirstName\":\"Ada\",\"Photo\":{\"_placeholder\":true,\"num\":0}}]", emit(binder));
        }
    }

    @Test
    void withoutProducerYassonDefaults() {
        try (WeldContainer c = weld(NoProducer.class)) {
            JsonbSource.Choice choice = JsonbSource.choose(c.getBeanManager());
            assertTrue(choice.binaryAware());
            assertEquals("Yasson defaults", choice.origin());
            assertEquals("51-[\"p\",{\"firstName\":\"Ada\",\"photo\":{\"_placeholder\":true,\"num\":0}}]",
                    emit(new ArgumentBinder(choice)));
        }
    }

    @Test
    void jsonbWinsOverJsonbConfig() {
        try (WeldContainer c = weld(JsonbProducer.class, ConfigProducer.class)) {
            JsonbSource.Choice choice = JsonbSource.choose(c.getBeanManager());
            assertFalse(choice.binaryAware());
            assertEquals("the application's Jsonb", choice.origin());
        }
    }

    @ApplicationScoped
    public static class SecondJsonbProducer {
        @Produces
        Jsonb another() {
            return JsonbBuilder.create();
        }
    }

    @Test
    void twoJsonbBeansAreAnError() {
        try (WeldContainer c = weld(JsonbProducer.class, SecondJsonbProducer.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> JsonbSource.choose(c.getBeanManager()));
            assertTrue(e.getMessage().contains("More than one jakarta.json.bind.Jsonb bean"), e.getMessage());
        }
    }
}

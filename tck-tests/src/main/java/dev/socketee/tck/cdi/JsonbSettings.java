package dev.socketee.tck.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * The application's JSON-B configuration: Socketee binds handler arguments and writes every
 * emit and ack with it (and still sends byte[] inside objects as attachments).
 */
@ApplicationScoped
public class JsonbSettings {

    @Produces
    JsonbConfig jsonbConfig() {
        return new JsonbConfig().withAdapters(new CelsiusAdapter());
    }

    /** {@link Celsius} as "21.5C". */
    public static final class CelsiusAdapter implements JsonbAdapter<Celsius, String> {
        @Override
        public String adaptToJson(Celsius c) {
            return c.value() + "C";
        }

        @Override
        public Celsius adaptFromJson(String s) {
            if (!s.endsWith("C")) {
                throw new IllegalArgumentException("not a temperature: " + s);
            }
            return new Celsius(Double.parseDouble(s.substring(0, s.length() - 1)));
        }
    }
}

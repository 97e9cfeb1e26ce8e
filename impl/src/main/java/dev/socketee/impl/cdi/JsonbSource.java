package dev.socketee.impl.cdi;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Picks the one {@link Jsonb} Socketee binds and writes with, once at start: the application's
 * {@code @Produces Jsonb} as it is; else a Jsonb built from the application's
 * {@code @Produces JsonbConfig}; else Yasson's defaults. Socketee adds its byte[]-as-attachments
 * handling ({@link JsonbBinary}) to the Jsonb it builds; a Jsonb the application built itself
 * cannot be changed, so byte[] inside objects then follows that Jsonb's binary strategy.
 */
final class JsonbSource {

    private static final Logger LOG = Logger.getLogger(JsonbSource.class.getName());

    /** @param binaryAware whether byte[] inside objects becomes attachments */
    record Choice(Jsonb jsonb, boolean binaryAware, String origin) {
    }

    private JsonbSource() {
    }

    static Choice choose(BeanManager beanManager) {
        if (beanManager != null) {
            Jsonb jsonb = lookUp(beanManager, Jsonb.class);
            if (jsonb != null) {
                LOG.info("Binding and writing with the application's Jsonb; byte[] inside records and POJOs follows its"
                        + " binary strategy (produce a JsonbConfig instead to send them as Socket.IO attachments)");
                return new Choice(jsonb, false, "the application's Jsonb");
            }
            JsonbConfig config = lookUp(beanManager, JsonbConfig.class);
            if (config != null) {
                LOG.fine("Binding with a Jsonb built from the application's JsonbConfig");
                return build(config, "the application's JsonbConfig");
            }
        }
        return build(new JsonbConfig(), "Yasson defaults");
    }

    /** A Jsonb from a copy of {@code config} (the application's object stays untouched) plus binary handling. */
    static Choice build(JsonbConfig config, String origin) {
        try { // inside: JsonbBinary needs JSON-P, which comes with the provider
            JsonbConfig own = new JsonbConfig();
            config.getAsMap().forEach(own::setProperty);
            own.withSerializers(new JsonbBinary.Writer()).withDeserializers(new JsonbBinary.Reader());
            return new Choice(JsonbBuilder.create(own), true, origin);
        } catch (RuntimeException | LinkageError e) {
            LOG.warning("No JSON-B provider: handlers can bind strings, numbers, booleans, maps and lists only (" + e + ")");
            return new Choice(null, false, "none");
        }
    }

    private static <T> T lookUp(BeanManager beanManager, Class<T> type) {
        Set<Bean<?>> beans;
        Bean<?> bean;
        try {
            beans = beanManager.getBeans(type);
            bean = beanManager.resolve(beans);
        } catch (AmbiguousResolutionException e) {
            throw new IllegalStateException("More than one " + type.getName() + " bean: Socketee needs exactly one ("
                    + e.getMessage() + ")", e);
        }
        return bean == null ? null : type.cast(beanManager.getReference(bean, type, beanManager.createCreationalContext(bean)));
    }
}

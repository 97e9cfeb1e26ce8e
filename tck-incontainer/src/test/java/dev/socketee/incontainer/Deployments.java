package dev.socketee.incontainer;

import java.io.File;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test WARs: the given classes plus the reactor's socketee jars (copied to
 * {@code target/deployment-libs} by the build, never taken from a local repository), with a
 * {@code beans.xml} that makes every class a bean candidate, as an application's would.
 */
public final class Deployments {

    /** Which server the suite runs on (embedded, wildfly, payara, liberty); also readable inside the WAR. */
    public static final String SERVER_RESOURCE = "socketee-it-server.txt";

    private Deployments() {
    }

    public static WebArchive war(String name, Class<?>... classes) {
        File libs = new File(Objects.requireNonNull(System.getProperty("socketee.deployment.libs"),
                "socketee.deployment.libs (set by the build: the reactor's socketee jars)"));
        File[] jars = libs.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No socketee jars in " + libs + ": run through the reactor (mvn verify)");
        }
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsLibraries(jars)
                .addAsWebInfResource(new StringAsset("""
                        <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
                        """), "beans.xml")
                .addAsResource(new StringAsset(server()), SERVER_RESOURCE);
    }

    /** The server of this run: the failsafe execution's {@code socketee.server}. */
    public static String server() {
        return System.getProperty("socketee.server", "embedded");
    }

    /** Inside the container: the server the WAR was built for. */
    public static String serverInside() {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SERVER_RESOURCE)) {
            return in == null ? "unknown" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}

package dev.socketee.embedded;

import dev.socketee.SocketIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The test application as an exploded WAR: the classes of {@code dev.socketee.embedded.testapp}
 * with a beans.xml, and Socketee (api and impl jars, from the test class path) in WEB-INF/lib,
 * the way a user's WAR holds it.
 */
final class TestWar {

    private static final String APP_PACKAGE = "dev/socketee/embedded/testapp";

    private TestWar() {
    }

    static synchronized Path build() {
        Path war = Path.of("target", "testapp-war");
        try {
            Path classes = jarOf(TestWar.class).resolve(APP_PACKAGE);
            Path target = war.resolve("WEB-INF/classes").resolve(APP_PACKAGE);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(classes)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(jarOf(TestWar.class).resolve("testapp/beans.xml"), war.resolve("WEB-INF/beans.xml"),
                    StandardCopyOption.REPLACE_EXISTING);
            Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
            copyJar(jarOf(SocketIo.class), lib.resolve("socketee-api.jar"));
            copyJar(jarOf(Class.forName("dev.socketee.impl.cdi.SocketeeExtension")), lib.resolve("socketee-impl.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("socketee-impl is not on the test class path", e);
        }
        return war;
    }

    private static Path jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyJar(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            throw new IllegalStateException(from + " is not a jar (build the module first: mvn -B -o -q install -DskipTests)");
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}

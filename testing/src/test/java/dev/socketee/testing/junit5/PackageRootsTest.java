package dev.socketee.testing.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's classes and the test's in two class-path roots with the same package, as Maven lays them out. */
class PackageRootsTest {

    @TempDir
    Path tmp;

    @Test
    void findsThePackageInEveryRootAndItsSubpackages() throws Exception {
        Path main = compile("main", "app.Handlers", "app.sub.More");
        Path test = compile("test", "app.HandlersTest");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {test.toUri().toURL(), main.toUri().toURL()}, null)) {
            Class<?> testClass = loader.loadClass("app.HandlersTest");
            assertEquals(Set.of("app.Handlers", "app.sub.More", "app.HandlersTest"), names(PackageRoots.packageAnchors(testClass, false)));
        }
    }

    @Test
    void leavesOutBeanArchivesWhenDiscoveryDeploysThem() throws Exception {
        Path main = compile("main", "app.Handlers");
        Files.createDirectories(main.resolve("META-INF"));
        Files.writeString(main.resolve("META-INF/beans.xml"), "<beans bean-discovery-mode=\"annotated\"/>");
        Path test = compile("test", "app.HandlersTest");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {test.toUri().toURL(), main.toUri().toURL()}, null)) {
            assertEquals(Set.of("app.HandlersTest"), names(PackageRoots.packageAnchors(loader.loadClass("app.HandlersTest"), true)));
            assertTrue(names(PackageRoots.packageAnchors(loader.loadClass("app.HandlersTest"), false)).contains("app.Handlers"));
        }
    }

    private Path compile(String root, String... classes) throws Exception {
        Path src = tmp.resolve(root + "-src");
        Path out = Files.createDirectories(tmp.resolve(root));
        List<String> files = new java.util.ArrayList<>(List.of("-d", out.toString()));
        for (String c : classes) {
            int dot = c.lastIndexOf('.');
            Path f = src.resolve(c.replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "package " + c.substring(0, dot) + "; public class " + c.substring(dot + 1) + " { }");
            files.add(f.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, files.toArray(String[]::new)));
        return out;
    }

    private static Set<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toSet());
    }
}

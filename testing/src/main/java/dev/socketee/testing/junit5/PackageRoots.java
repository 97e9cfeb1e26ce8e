package dev.socketee.testing.junit5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One class of every package under a given package, in every class-path root that has it.
 * Weld SE's {@code addPackages(true, c)} scans only the root (directory or jar) that {@code c}
 * came from, and an application's handlers ({@code target/classes}) and its tests
 * ({@code target/test-classes}) live in two roots with the same packages.
 */
final class PackageRoots {

    private PackageRoots() {
    }

    /**
     * @param skipBeanArchives leave out roots with a {@code META-INF/beans.xml}: Weld's discovery
     *     deploys those already, and a class in two archives would be two beans
     */
    static List<Class<?>> packageAnchors(Class<?> anchor, boolean skipBeanArchives) {
        String path = anchor.getPackageName().replace('.', '/');
        ClassLoader loader = anchor.getClassLoader();
        Map<String, String> onePerPackage = new LinkedHashMap<>(); // root + package dir -> class name
        try {
            for (Enumeration<URL> urls = loader.getResources(path); urls.hasMoreElements(); ) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    fromDirectory(Path.of(url.toURI()), path, skipBeanArchives, onePerPackage);
                } else if ("jar".equals(url.getProtocol())) {
                    fromJar(url, path, skipBeanArchives, onePerPackage);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Scanning the class path for " + anchor.getPackageName(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String name : onePerPackage.values()) {
            try {
                out.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that does not load is no bean either; its package has others or none
            }
        }
        return out;
    }

    private static void fromDirectory(Path dir, String path, boolean skipBeanArchives, Map<String, String> out) throws IOException {
        Path root = dir;
        for (int i = 0; i < path.split("/").length; i++) {
            root = root.getParent();
        }
        if (skipBeanArchives && Files.exists(root.resolve("META-INF/beans.xml"))) {
            return;
        }
        Path r = root;
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> isClass(f.getFileName().toString())).forEach(f -> {
                String rel = r.relativize(f).toString().replace('\\', '/');
                out.putIfAbsent(r + "!" + parent(rel), className(rel));
            });
        }
    }

    private static void fromJar(URL url, String path, boolean skipBeanArchives, Map<String, String> out) throws IOException {
        JarURLConnection c = (JarURLConnection) url.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
            if (skipBeanArchives && jar.getEntry("META-INF/beans.xml") != null) {
                return;
            }
            for (Enumeration<JarEntry> es = jar.entries(); es.hasMoreElements(); ) {
                String name = es.nextElement().getName();
                if (name.startsWith(path + "/") && isClass(name.substring(name.lastIndexOf('/') + 1))) {
                    out.putIfAbsent(jar.getName() + "!" + parent(name), className(name));
                }
            }
        }
    }

    private static boolean isClass(String fileName) {
        return fileName.endsWith(".class") && !fileName.contains("-"); // not package-info, module-info
    }

    private static String parent(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    private static String className(String rel) {
        return rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
    }
}

package dev.socketee.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every ```java block of README.md against the API (and CDI, Servlet, Jakarta
 * Concurrency), so the documentation cannot drift from the code.
 */
class ReadmeSnippetsTest {

    private static final String IMPORTS = """
            import dev.socketee.*;
            import dev.socketee.engine.*;
            import dev.socketee.emitter.*;
            import jakarta.annotation.*;
            import jakarta.enterprise.concurrent.*;
            import jakarta.enterprise.context.*;
            import jakarta.enterprise.event.*;
            import jakarta.inject.*;
            import jakarta.servlet.*;
            import jakarta.servlet.annotation.*;
            import java.time.*;
            import java.util.*;
            import java.util.concurrent.TimeUnit;
            """;

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> snippets = new ArrayList<>();
        while (m.find()) {
            snippets.add(m.group(1));
        }
        assertTrue(snippets.size() >= 3, "README has Java snippets: " + snippets.size());
        return snippets.stream().map(code -> DynamicTest.dynamicTest(firstLine(code), () -> compile(code)));
    }

    private void compile(String snippet) {
        Matcher type = Pattern.compile("public (?:final )?(?:class|interface|record) (\\w+)").matcher(snippet);
        String name = type.find() ? type.group(1) : "Snippet";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return IMPORTS + snippet;
            }
        };
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-proc:none", "-d", out.toString(), "-classpath", System.getProperty("java.class.path")),
                null, List.of(source)).call();
        assertTrue(ok, () -> "README snippet does not compile:\n" + snippet + "\n" + errors);
    }

    private static String firstLine(String code) {
        return code.lines().filter(l -> l.contains("class ") || l.contains("record ")).findFirst().orElse(code.lines().findFirst().orElse("")).trim();
    }
}

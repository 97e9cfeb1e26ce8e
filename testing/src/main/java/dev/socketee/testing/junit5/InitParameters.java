package dev.socketee.testing.junit5;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in servlet context that only answers init parameters: where Socketee reads its settings
 * when MicroProfile Config has none. Nothing else of a servlet context exists in such a test.
 */
final class InitParameters {

    private InitParameters() {
    }

    /** {@code key=value} lines as a map; a line without '=' is an error naming it. */
    static Map<String, String> parse(String[] lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@SocketeeTest(config) needs key=value, got: " + line);
            }
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return out;
    }

    static ServletContext context(Map<String, String> parameters) {
        return (ServletContext) Proxy.newProxyInstance(InitParameters.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> parameters.get((String) args[0]);
                    case "getInitParameterNames" -> Collections.enumeration(parameters.keySet());
                    case "getAttribute" -> null;
                    case "getContextPath" -> "";
                    case "toString" -> "test servlet context " + parameters;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("No servlet container in a @SocketeeTest: " + method.getName());
                });
    }
}

package dev.socketee.incontainer.app;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** What a handler thread sees of the container: its name, java:comp lookups, the class loader. */
public final class Where {

    /** The env-entry the test WAR's web.xml declares. */
    public static final String ENV_ENTRY = "java:comp/env/socketee/greeting";
    public static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private Where() {
    }

    public static Map<String, Object> here() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", Thread.currentThread().getName());
        m.put("envEntry", lookUp(ENV_ENTRY));
        m.put("managedExecutor", lookUp(MANAGED_EXECUTOR));
        m.put("appClassLoader", seesTheApplication(Thread.currentThread().getContextClassLoader()));
        return m;
    }

    /** The context class loader loads the WAR's classes (on Open Liberty it is a wrapper of the WAR's loader, not the loader itself). */
    static boolean seesTheApplication(ClassLoader tccl) {
        try {
            return tccl != null && Class.forName(Where.class.getName(), false, tccl) == Where.class;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The object's class (or the String itself), or "missing: ..." */
    static String lookUp(String name) {
        try {
            Object o = new InitialContext().lookup(name);
            return o instanceof String s ? s : o == null ? "null" : "found";
        } catch (NamingException | RuntimeException e) {
            return "missing: " + e;
        }
    }
}

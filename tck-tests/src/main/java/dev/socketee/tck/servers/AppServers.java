package dev.socketee.tck.servers;

import java.nio.file.Path;

/** The application servers the suites can run against, by the names the Maven profiles use. */
public final class AppServers {
    private AppServers() {
    }

    /** {@code home}: what the profile fetched (the unpacked distribution, or Payara Micro's directory). */
    public static AppServer create(String name, Path home) {
        return switch (name) {
            case "wildfly" -> new WildFly(home);
            case "payara" -> new PayaraMicro(home);
            case "liberty" -> new OpenLiberty(home);
            default -> throw new IllegalArgumentException("unknown server " + name + " (wildfly, payara or liberty)");
        };
    }
}

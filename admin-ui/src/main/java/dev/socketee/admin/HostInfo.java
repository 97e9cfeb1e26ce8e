package dev.socketee.admin;

/** This node's host name and process id, as node's admin-ui reports them in server_stats. */
final class HostInfo {

    private HostInfo() {
    }

    static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }
}

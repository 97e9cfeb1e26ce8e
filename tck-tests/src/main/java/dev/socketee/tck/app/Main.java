package dev.socketee.tck.app;

/**
 * {@code java -jar socketee-conformance.jar [conformance|bench|bench-cdi|cdi] [port] [host]}: starts the
 * conformance app (default, port 3000) or the bench app on 127.0.0.1 and serves until Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String app = args.length > 0 ? args[0] : "conformance";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        switch (app) {
            case "conformance" -> {
                ConformanceServer server = ConformanceServer.start(host, port);
                System.out.println("Socketee conformance app: " + server.baseUri() + "/socket.io/ and " + server.baseUri() + "/engine.io/");
                server.join();
            }
            case "bench" -> {
                EmbeddedJetty server = BenchServer.start(host, port);
                System.out.println("Socketee bench app: " + server.baseUri() + "/socket.io/");
                server.join();
            }
            case "bench-cdi" -> {
                EmbeddedJetty server = dev.socketee.tck.bench.BenchCdiServer.start(host, port);
                System.out.println("Socketee bench app (CDI handlers, Jetty + Weld): " + server.baseUri() + "/socket.io/");
                server.join();
            }
            case "cdi" -> {
                dev.socketee.tck.cdi.CdiServer server = dev.socketee.tck.cdi.CdiServer.start(host, port);
                System.out.println("Socketee CDI feature app: " + server.baseUri() + "/socket.io/");
                server.join();
            }
            default -> {
                System.err.println("usage: java -jar socketee-conformance.jar [conformance|bench|bench-cdi|cdi] [port] [host]");
                System.exit(64);
            }
        }
    }
}

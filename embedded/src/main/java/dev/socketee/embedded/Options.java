package dev.socketee.embedded;

import java.nio.file.Path;

/**
 * The runner's command line. HTTP on {@code --port}; HTTPS in addition on {@code --https-port}
 * when a certificate is given ({@code --keystore}) or asked for ({@code --self-signed});
 * {@code --no-http} leaves only HTTPS. Port 0 picks a free port (the start line prints it).
 *
 * @param war the WAR file or exploded WAR directory
 * @param host the address both connectors bind ({@code 0.0.0.0} for all)
 * @param port the HTTP port, or -1 with {@code --no-http}
 * @param context the context path
 * @param httpsPort the HTTPS port, or -1 without TLS
 * @param keystore a PKCS12 (or JKS) key store with the server's key and certificate, or null
 * @param keystorePassword its password (also the key's), or null
 * @param selfSigned an ad-hoc self-signed certificate for localhost, generated at start
 */
public record Options(Path war, String host, int port, String context,
        int httpsPort, Path keystore, String keystorePassword, boolean selfSigned) {

    static final String USAGE = """
            usage: java -jar socketee-run.jar [app.war] [options]
              --port N                 HTTP port (default 8080; 0 = any free port)
              --host ADDRESS           address to bind (default 127.0.0.1; 0.0.0.0 = all interfaces)
              --context /PATH          context path (default /)
              --https-port N           HTTPS port (default 8443) when a certificate is given:
              --keystore FILE          PKCS12 key store with the server's key and certificate
              --keystore-password P    its password (or the environment variable SOCKETEE_KEYSTORE_PASSWORD)
              --self-signed            generate a self-signed certificate for localhost at start
                                       (its PEM file and SHA-256 fingerprint are printed)
              --no-http                serve HTTPS only
            """;

    public Options {
        if (keystore != null && selfSigned) {
            throw new CommandLineException("--keystore and --self-signed exclude each other");
        }
        if (keystore != null && keystorePassword == null) {
            throw new CommandLineException("--keystore needs --keystore-password (or SOCKETEE_KEYSTORE_PASSWORD)");
        }
        if (httpsPort >= 0 && keystore == null && !selfSigned) { // (fields are not set yet: the parameters)
            throw new CommandLineException("--https-port needs --keystore FILE or --self-signed");
        }
        if (port < 0 && httpsPort < 0) {
            throw new CommandLineException("--no-http needs HTTPS: --keystore FILE or --self-signed");
        }
    }

    /** HTTPS is served. */
    public boolean tls() {
        return keystore != null || selfSigned;
    }

    /** HTTP is served. */
    public boolean http() {
        return port >= 0;
    }

    static Options parse(String[] args) {
        Path war = Path.of("examples-war/target/socketee-examples.war");
        String host = "127.0.0.1";
        int port = Integer.parseInt(System.getProperty("socketee.port", "8080"));
        String context = "/";
        Integer httpsPort = null;
        Path keystore = null;
        String password = System.getenv("SOCKETEE_KEYSTORE_PASSWORD");
        boolean selfSigned = false;
        boolean noHttp = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = port(value(args, ++i, a));
                case "--host" -> host = value(args, ++i, a);
                case "--context" -> context = value(args, ++i, a);
                case "--https-port" -> httpsPort = port(value(args, ++i, a));
                case "--keystore" -> keystore = Path.of(value(args, ++i, a));
                case "--keystore-password" -> password = value(args, ++i, a);
                case "--self-signed" -> selfSigned = true;
                case "--no-http" -> noHttp = true;
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new CommandLineException("unknown option " + a + "\n" + USAGE);
                    }
                    war = Path.of(a);
                }
            }
        }
        boolean tls = keystore != null || selfSigned;
        int https = httpsPort != null ? httpsPort : tls ? 8443 : -1;
        return new Options(war, host, noHttp ? -1 : port, context, https, keystore,
                keystore != null ? password : null, selfSigned);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new CommandLineException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int port(String s) {
        int p;
        try {
            p = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) {
            throw new CommandLineException("not a port: " + s);
        }
        return p;
    }

    @Override
    public String toString() { // never the password
        return "Options[war=" + war + ", host=" + host + ", port=" + port + ", context=" + context
                + ", httpsPort=" + httpsPort + ", keystore=" + keystore + ", selfSigned=" + selfSigned + "]";
    }
}

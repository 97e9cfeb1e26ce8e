package dev.socketee.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An ad-hoc certificate for local {@code https://} and {@code wss://}, as Flask's
 * {@code ssl_context='adhoc'}: generated at every start by the JDK's own {@code keytool} (the
 * JDK has no public API to issue a certificate, and the runner adds no crypto library) into a
 * fresh PKCS12 file in a temporary directory, with the certificate beside it as PEM for clients
 * to trust. It names localhost, 127.0.0.1 and ::1 (and {@code --host} when that is a specific
 * name or address), and is deleted when the runner exits.
 */
final class SelfSignedCertificate {

    static final String ALIAS = "socketee-localhost";

    private SelfSignedCertificate() {
    }

    static ServerCertificate generate(String host) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("--self-signed uses the JDK's keytool, not found at " + keytool
                    + "; give a key store instead (--keystore FILE --keystore-password P)");
        }
        try {
            Path dir = Files.createTempDirectory("socketee-tls-");
            Path p12 = dir.resolve("localhost.p12");
            Path pem = dir.resolve("localhost.pem");
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                    "-dname", "CN=localhost, O=Socketee development (self-signed)",
                    "-ext", "SAN=" + String.join(",", subjectAltNames(host)),
                    "-keystore", p12.toString(), "-storetype", "PKCS12",
                    "-storepass", password, "-keypass", password));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool could not generate the certificate: " + out.strip());
            }
            ServerCertificate cert = ServerCertificate.load(p12, password, pem);
            Files.writeString(pem, cert.pem(), StandardCharsets.US_ASCII);
            // deleted in reverse order of registration: files first, then the directory
            dir.toFile().deleteOnExit();
            p12.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            return cert;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot generate the self-signed certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating the self-signed certificate", e);
        }
    }

    /** keytool's SAN entries: the loopback names, and the bound host when it is a specific one. */
    static Set<String> subjectAltNames(String host) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1"));
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean wildcard = h.isEmpty() || h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0");
        if (!wildcard && !h.equals("localhost") && !h.equals("127.0.0.1") && !h.equals("::1")) {
            names.add(looksLikeAddress(h) ? "ip:" + h : "dns:" + h);
        }
        return names;
    }

    private static boolean looksLikeAddress(String h) {
        return h.contains(":") || h.matches("[0-9.]+");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}

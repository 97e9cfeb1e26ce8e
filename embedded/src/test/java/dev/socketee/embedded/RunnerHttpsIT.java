package dev.socketee.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * HTTPS on the runner jar: an ad-hoc self-signed certificate ({@code --self-signed}) and a
 * user's PKCS12 key store ({@code --keystore}), each proved by a client that trusts exactly that
 * certificate: a servlet over https, a Socket.IO emit with ack over https polling and over wss.
 */
class RunnerHttpsIT {

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void selfSignedServesHttpsAndWssBesideHttp() throws Exception {
        Path pem;
        try (RunnerProcess runner = RunnerProcess.start("self-signed", TestWar.build(),
                "--port", "0", "--https-port", "0", "--self-signed")) {
            String https = runner.baseUrl("https");
            String http = runner.baseUrl("http");
            pem = runner.pemFile();
            Certificate cert = Trust.readPem(pem);
            assertEquals(Trust.sha256(cert), runner.sha256(), "the fingerprint printed is the PEM's certificate's");
            HttpClient trusting = client(Trust.only(cert));

            HttpResponse<String> page = get(trusting, https + "inject/servlet");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("servers=1\n"), page.body());
            assertEquals("431[\"over https polling\"]",
                    EngineIoClient.pollingEchoAck(trusting, https, "over https polling"));
            assertEquals("430[\"over wss\"]",
                    EngineIoClient.webSocketEchoAck(trusting, https.replaceFirst("^https", "wss"), "over wss"));
            // on Jetty's websocket core, the runner's default (a fallback to the Jakarta endpoint says so)
            assertFalse(runner.output().contains("the Jakarta WebSocket endpoint serves"), runner.output());

            // plain HTTP is still served next to it
            assertEquals(200, get(client(SSLContext.getDefault()), http + "inject/servlet").statusCode());
            // and the certificate really is what TLS rests on: a client trusting only the JDK's CAs refuses it
            assertThrows(SSLHandshakeException.class, () -> get(client(SSLContext.getDefault()), https + "inject/servlet"));
        }
        assertFalse(Files.exists(pem), "the ad-hoc certificate is deleted when the runner stops");
    }

    @Test
    void keystoreServesHttpsOnlyWithNoHttp() throws Exception {
        Path p12 = Path.of("target", "test-keystore.p12");
        Files.deleteIfExists(p12);
        keytool("-genkeypair", "-noprompt", "-alias", "dev", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", "s3cret!", "-keypass", "s3cret!");
        KeyStore ks = KeyStore.getInstance(p12.toFile(), "s3cret!".toCharArray());
        Certificate cert = ks.getCertificate("dev");

        try (RunnerProcess runner = RunnerProcess.start("keystore", TestWar.build(), "--no-http", "--https-port", "0",
                "--keystore", p12.toString(), "--keystore-password", "s3cret!")) {
            String start = runner.awaitStarted();
            assertFalse(start.contains("http://"), "--no-http: " + start);
            assertEquals(Trust.sha256(cert), runner.sha256());
            assertFalse(runner.output().contains("s3cret!"), "the password is never printed");
            HttpClient trusting = client(Trust.only(cert));
            String https = runner.baseUrl("https");
            assertEquals(200, get(trusting, https + "inject/servlet").statusCode());
            assertEquals("430[\"over wss\"]",
                    EngineIoClient.webSocketEchoAck(trusting, https.replaceFirst("^https", "wss"), "over wss"));
        }
    }

    @Test
    void wrongKeystorePasswordIsRefusedAtStart() throws Exception {
        Path p12 = Path.of("target", "test-keystore-2.p12");
        Files.deleteIfExists(p12);
        keytool("-genkeypair", "-noprompt", "-alias", "dev", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", "right-one", "-keypass", "right-one");
        try (RunnerProcess runner = RunnerProcess.start("bad-password", TestWar.build(), "--port", "0",
                "--keystore", p12.toString(), "--keystore-password", "wrong-one")) {
            assertEquals(2, runner.awaitExit());
            assertTrue(runner.output().contains("Cannot read the key store"), runner.output());
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }
}

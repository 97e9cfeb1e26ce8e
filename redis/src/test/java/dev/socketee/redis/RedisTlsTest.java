package dev.socketee.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.adapter.BroadcastOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} with a password and a database, as socketee.redis.uri gives them: a Redis
 * that speaks only TLS on that port and wants the password. The certificate is self-signed, made
 * here with openssl; the URI turns peer verification off (a real deployment trusts its CA through
 * the JVM's trust store instead).
 */
class RedisTlsTest {

    @Test
    void tlsPasswordAndDatabaseFromTheUri() throws Exception {
        Path dir = Files.createTempDirectory("socketee-redis-tls");
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no openssl to make a certificate: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl failed");
        int tlsPort = RedisServer.freeLoopbackPort();
        try (RedisServer redis = RedisServer.start(List.of("--tls-port", String.valueOf(tlsPort),
                "--tls-cert-file", dir.resolve("cert.pem").toString(), "--tls-key-file", dir.resolve("key.pem").toString(),
                "--tls-ca-cert-file", dir.resolve("cert.pem").toString(), "--tls-auth-clients", "no", "--requirepass", "s3cret"))) {
            String uri = "rediss://s3cret@127.0.0.1:" + tlsPort + "/2?verifyPeer=NONE";
            try (TestCluster cluster = TestCluster.redis(uri, RedisTestSupport.options(), "/tls", 2)) {
                cluster.host(1).connect("b", "room");
                cluster.settle();
                cluster.adapter(0).broadcast(new TestPacket(2, "/tls", List.of("over-tls"), null), BroadcastOptions.rooms(Set.of("room")));
                cluster.host(1).await(h -> h.writes("over-tls").size() == 1, "over-tls");
                assertEquals(2, cluster.adapter(0).serverCount().toCompletableFuture().get());
            }
        }
    }
}

package dev.socketee.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Settings reach the server from both sources: servlet init parameters (pingInterval 1000, set by
 * CdiServer embedded or by the CDI WAR's web.xml) and MicroProfile Config (socketee.max-payload=900000:
 * a system property that SmallRye Config reads embedded, set by failsafe in tck-tests/pom.xml; the
 * WAR's microprofile-config.properties read by the server's own MicroProfile Config), and the sid
 * cookie (socketee.cookie=io).
 */
class CdiConfigIT {

    @Test
    void handshakeShowsSettingsFromInitParametersAndMicroProfileConfig() throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(CdiTestServer.baseUri() + "/socket.io/?EIO=4&transport=polling"))
                        .timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = res.body();
        assertTrue(body.startsWith("0{"), body);
        assertTrue(body.contains("\"pingInterval\":1000,\"pingTimeout\":1000"), body);
        assertTrue(body.contains("\"maxPayload\":900000"), body);
        String sid = body.substring(body.indexOf("\"sid\":\"") + 7, body.indexOf("\",\"upgrades"));
        assertTrue(res.headers().allValues("Set-Cookie").contains("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax"),
                () -> res.headers().allValues("Set-Cookie").toString());
    }
}

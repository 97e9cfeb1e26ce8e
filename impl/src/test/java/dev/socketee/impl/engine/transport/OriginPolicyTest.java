package dev.socketee.impl.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.impl.engine.transport.OriginPolicy.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private static final OriginPolicy SAME_ORIGIN_ONLY = OriginPolicy.of(List.of());
    private static final Set<String> OWN = OriginPolicy.ownOrigins("http", "app.example:8080", null, null);

    @Test
    void withoutOriginEveryRequestIsAllowedWithCredentials() {
        assertEquals(Verdict.NO_ORIGIN, SAME_ORIGIN_ONLY.check(null, OWN));
        assertTrue(Verdict.NO_ORIGIN.credentials());
    }

    @Test
    void byDefaultOnlyTheRequestsOwnOriginIsAllowed() {
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("http://app.example:8080", OWN));
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("http://evil.example", OWN));
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("https://app.example:8080", OWN), "another scheme");
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("http://app.example:8081", OWN), "another port");
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("http://app.example", OWN), "port 80 is not 8080");
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("http://app.example:8080.evil.example", OWN));
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("null", OWN), "opaque origin");
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("", OWN));
    }

    @Test
    void originsCompareWithoutCaseAndWithoutDefaultPorts() {
        Set<String> own = OriginPolicy.ownOrigins("https", "App.Example", null, null);
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("https://app.example:443", own));
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("HTTPS://APP.EXAMPLE", own));
        Set<String> own443 = OriginPolicy.ownOrigins("https", "app.example:443", null, null);
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("https://app.example", own443));
        Set<String> own80 = OriginPolicy.ownOrigins("http", "app.example:80", null, null);
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("http://app.example", own80));
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("https://app.example", own80));
    }

    @Test
    void ipv6HostsAndPorts() {
        Set<String> own = OriginPolicy.ownOrigins("http", "[::1]:8080", null, null);
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("http://[::1]:8080", own));
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("http://[::1]:8081", own));
        assertEquals("http://[::1]", OriginPolicy.normalize("http://[::1]:80"));
    }

    @Test
    void behindAProxyTheForwardedOriginCountsAsOwnToo() {
        Set<String> own = OriginPolicy.ownOrigins("http", "backend:8080", "https", "app.example");
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("https://app.example", own));
        assertEquals(Verdict.SAME_ORIGIN, SAME_ORIGIN_ONLY.check("http://backend:8080", own));
        assertEquals(Verdict.REFUSED, SAME_ORIGIN_ONLY.check("http://app.example", own));
    }

    @Test
    void forwardedHeadersTakeTheirFirstValueAndTheMissingHalfFromTheRequest() {
        assertEquals(Set.of("http://backend:8080", "https://edge.example"),
                OriginPolicy.ownOrigins("http", "backend:8080", "https, http", "edge.example, backend"));
        assertEquals(Set.of("http://app.example", "https://app.example"),
                OriginPolicy.ownOrigins("http", "app.example", "https", null));
        assertEquals(Set.of("http://backend:8080", "http://app.example"),
                OriginPolicy.ownOrigins("http", "backend:8080", null, "app.example"));
        assertEquals(Set.of("http://backend:8080", "https://app.example"),
                OriginPolicy.ownOrigins("http", "backend:8080", "wss", "app.example"), "a WebSocket proxy's scheme");
    }

    @Test
    void listedOriginsAreAllowedWithCredentials() {
        OriginPolicy p = OriginPolicy.of(List.of("https://good.example", " http://localhost:3000/ "));
        assertEquals(Verdict.LISTED, p.check("https://good.example", OWN));
        assertEquals(Verdict.LISTED, p.check("https://good.example:443", OWN));
        assertEquals(Verdict.LISTED, p.check("http://localhost:3000", OWN), "the listed entry's trailing slash is dropped");
        assertEquals(Verdict.REFUSED, p.check("https://evil.example", OWN));
        assertEquals(Verdict.REFUSED, p.check("https://good.example.evil.example", OWN));
        assertEquals(Verdict.SAME_ORIGIN, p.check("http://app.example:8080", OWN), "the own origin stays allowed");
        assertTrue(Verdict.LISTED.credentials());
    }

    @Test
    void starAllowsAnyOriginWithoutCredentialsAndListedOnesKeepTheirs() {
        OriginPolicy p = OriginPolicy.of(List.of("*", "https://good.example"));
        assertEquals(Verdict.ANY, p.check("https://evil.example", OWN));
        assertEquals(Verdict.ANY, p.check("null", OWN));
        assertEquals(Verdict.LISTED, p.check("https://good.example", OWN));
        assertEquals(Verdict.SAME_ORIGIN, p.check("http://app.example:8080", OWN));
        assertTrue(!Verdict.ANY.credentials() && !Verdict.REFUSED.credentials());
    }

    @Test
    void entriesThatAreNotOriginsFailAtStart() {
        for (String bad : List.of("https://*.example.com", "good.example", "https://good.example/app", "https://user@good.example",
                "https://good.example:99999", "https://good example")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OriginPolicy.of(List.of(bad)), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void normalizeRefusesWhatIsNotSchemeHostPort() {
        assertNull(OriginPolicy.normalize("http://"));
        assertNull(OriginPolicy.normalize("http://h:"));
        assertNull(OriginPolicy.normalize("http://h/"));
        assertNull(OriginPolicy.normalize("http://h?x"));
        assertNull(OriginPolicy.normalize("http://h\r\nX: y"));
        assertNull(OriginPolicy.normalize("://h"));
        assertNull(OriginPolicy.normalize("http://[::1"));
        assertNull(OriginPolicy.normalize("http://[::1]x"));
        assertEquals("http://h:8080", OriginPolicy.normalize("http://h:08080"));
        assertEquals("chrome-extension://abcdef", OriginPolicy.normalize("chrome-extension://abcdef"));
    }
}

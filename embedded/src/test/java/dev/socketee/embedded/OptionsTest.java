package dev.socketee.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsServeHttpOnLoopback() {
        Options o = Options.parse(new String[] {"app.war"});
        assertEquals(Path.of("app.war"), o.war());
        assertEquals("127.0.0.1", o.host());
        assertEquals(8080, o.port());
        assertEquals("/", o.context());
        assertTrue(o.http());
        assertFalse(o.tls());
        assertEquals(-1, o.httpsPort());
    }

    @Test
    void selfSignedAddsHttpsOn8443() {
        Options o = Options.parse(new String[] {"app.war", "--self-signed", "--host", "0.0.0.0"});
        assertTrue(o.http());
        assertTrue(o.tls());
        assertEquals(8443, o.httpsPort());
        assertEquals("0.0.0.0", o.host());
    }

    @Test
    void keystoreWithNoHttpServesHttpsOnly() {
        Options o = Options.parse(new String[] {"--keystore", "k.p12", "--keystore-password", "p", "--no-http",
                "--https-port", "9443", "app.war"});
        assertFalse(o.http());
        assertEquals(9443, o.httpsPort());
        assertEquals(Path.of("k.p12"), o.keystore());
        assertEquals("p", o.keystorePassword());
        assertFalse(o.toString().contains("=p,"), "no password in toString: " + o);
    }

    @Test
    void mistakesAreRefusedWithAMessage() {
        assertThrows(CommandLineException.class, () -> Options.parse(new String[] {"--https-port", "8443"}));
        assertThrows(CommandLineException.class, () -> Options.parse(new String[] {"--no-http"}));
        assertThrows(CommandLineException.class, () -> Options.parse(new String[] {"--self-signed", "--keystore", "k", "--keystore-password", "p"}));
        assertThrows(CommandLineException.class, () -> Options.parse(new String[] {"--port"}));
        assertThrows(CommandLineException.class, () -> Options.parse(new String[] {"--port", "http"}));
        assertThrows(CommandLineException.class, () -> Options.parse(new String[] {"--prot", "80"}));
    }

    @Test
    void selfSignedNamesLoopbackAndASpecificHost() {
        assertEquals("[dns:localhost, ip:127.0.0.1, ip:0:0:0:0:0:0:0:1]",
                SelfSignedCertificate.subjectAltNames("0.0.0.0").toString());
        assertTrue(SelfSignedCertificate.subjectAltNames("dev.box").contains("dns:dev.box"));
        assertTrue(SelfSignedCertificate.subjectAltNames("192.168.1.5").contains("ip:192.168.1.5"));
    }
}

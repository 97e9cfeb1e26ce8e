package dev.socketee.impl.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CorsTest {

    @Test
    void aPreflightAllowsOnlyTheHeadersThisServerAccepts() {
        assertEquals("", Cors.acceptedHeaders(null));
        assertEquals("content-type", Cors.acceptedHeaders("Content-Type"));
        assertEquals("content-type, authorization, x-token", Cors.acceptedHeaders("content-type, Authorization,X-Token"));
        assertEquals("x-token", Cors.acceptedHeaders("x-forwarded-host, X-Token, x-forwarded-proto, cookie, x-, x-a b"));
    }
}

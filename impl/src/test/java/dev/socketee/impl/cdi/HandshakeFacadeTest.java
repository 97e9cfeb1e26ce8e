package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeFacadeTest {

    @Test
    void cookiesAreParsedFromEveryCookieHeader() {
        assertEquals(Map.of("a", "1", "b", "two words", "c", ""),
                HandshakeFacade.parseCookies(List.of("a=1; b=\"two words\"", "c=; a=ignored", "junk")));
    }
}

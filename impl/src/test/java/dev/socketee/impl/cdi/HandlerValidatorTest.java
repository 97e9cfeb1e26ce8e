package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketee.OnSocketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One deployment problem per scenario; the messages must name the method(s) at fault. */
class HandlerValidatorTest {

    private static HandlerSite site(String ns, String event, String where) {
        return new HandlerSite(ns, event, null, where);
    }

    @Test
    void validHandlersHaveNoProblems() {
        assertEquals(List.of(), HandlerValidator.problems(List.of(
                site("/", "chat", "A#chat(SocketEvent)"),
                site("/chat", OnSocketEvent.CONNECT, "A#c1(SocketEvent)"),
                site("/chat", OnSocketEvent.CONNECT, "B#c2(SocketEvent)"),
                site("/chat", OnSocketEvent.DISCONNECT, "A#d(SocketEvent)"),
                site("/chat", OnSocketEvent.ANY, "A#any(SocketEvent)"),
                site("^/room-\\d+$", "msg", "A#room(SocketEvent)"),
                site("*", OnSocketEvent.ERROR, "A#err(SocketEvent)"))));
    }

    @Test
    void twoHandlersForOneEventWouldBothAnswerTheAck() {
        List<String> p = HandlerValidator.problems(List.of(
                site("/chat", "msg", "A#one(SocketEvent)"), site("/chat", "msg", "B#two(SocketEvent)")));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("A#one(SocketEvent)") && p.get(0).contains("B#two(SocketEvent)"), p.get(0));
        assertTrue(p.get(0).contains("\"msg\""), p.get(0));
    }

    @Test
    void namespaceWithoutLeadingSlashIsRefused() {
        List<String> p = HandlerValidator.problems(List.of(site("chat", "msg", "A#m(SocketEvent)")));
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("A#m(SocketEvent): namespace \"chat\""), p.get(0));
    }

    @Test
    void namespaceWithCommaOrSpaceIsRefused() {
        assertEquals(2, HandlerValidator.problems(List.of(
                site("/a,b", "x", "A#a(SocketEvent)"), site("/a b", "y", "A#b(SocketEvent)"))).size());
    }

    @Test
    void badPatternIsRefused() {
        List<String> p = HandlerValidator.problems(List.of(site("^/room-(\\d+$", "msg", "A#m(SocketEvent)")));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("not a valid regular expression"), p.get(0));
    }

    @Test
    void reservedEventNameIsRefused() {
        List<String> p = HandlerValidator.problems(List.of(site("/", "connect_error", "A#m(SocketEvent)")));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("reserved"), p.get(0));
    }

    @Test
    void emptyEventNameIsRefused() {
        assertEquals(1, HandlerValidator.problems(List.of(site("/", "", "A#m(SocketEvent)"))).size());
    }

    @Test
    void starNamespaceOnlyForTheDefaultErrorHandler() {
        List<String> p = HandlerValidator.problems(List.of(site("*", "msg", "A#m(SocketEvent)")));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("default error handler"), p.get(0));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        assertEquals(3, HandlerValidator.problems(List.of(
                site("bad", "a", "A#a(SocketEvent)"),
                site("/", "newListener", "A#b(SocketEvent)"),
                site("^(", "c", "A#c(SocketEvent)"))).size());
    }
}

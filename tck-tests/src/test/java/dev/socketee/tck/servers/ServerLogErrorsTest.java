package dev.socketee.tck.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerLogErrorsTest {

    @Test
    void payaraColouredSevereLevelIsAnError() {
        String severe = "[2026-12-01T09:48:43.657+0000] [] [\u001B[1;91mSEVERE\u001B[0m] [NCLS-CORE-00026] [javax.enterprise.system.core]";
        assertEquals(1, ServerLogErrors.in(List.of(severe)).size());
    }

    @Test
    void payaraRequestFailureCountsBySocketeeFramesOnly() {
        String severe = "[2026-12-01T10:13:25.646+0000] [] [\u001B[1;91mSEVERE\u001B[0m] [AS-WEB-CORE-00037] [jakarta.enterprise.web.core] [[";
        String ours = "\tat dev.socketee.impl.engine.transport.EngineServlet.service(EngineServlet.java:95)";
        assertEquals(List.of(), ServerLogErrors.in(List.of(severe, "java.lang.IllegalStateException: Internal Response has not been set",
                "\tat org.apache.catalina.connector.CoyoteAdapter.doService(CoyoteAdapter.java:386)")));
        assertEquals(List.of(ours), ServerLogErrors.in(List.of(severe, ours)));
    }

    @Test
    void plainLevelsAndSocketeeFramesAreErrors() {
        List<String> lines = List.of("12:00:01,000 ERROR [io.undertow] boom", "[ERROR   ] CWWKE0701E",
                "\tat dev.socketee.impl.engine.EngineServer.close(EngineServer.java:10)");
        assertEquals(lines, ServerLogErrors.in(lines));
    }

    @Test
    void infoAndWarningLinesAreNot() {
        List<String> lines = List.of("[] [\u001B[1;92mINFO\u001B[0m] [] [PayaraMicro] Deployed 2 archive(s)",
                "[] [\u001B[1;93mWARNING\u001B[0m] [] [jakarta.enterprise.web] a warning", "\tat org.glassfish.Foo.bar(Foo.java:1)");
        assertEquals(List.of(), ServerLogErrors.in(lines));
    }

    @Test
    void aContainerWarningAboutAWriteToAVanishedPeerIsNot() {
        List<String> record = List.of(
                "[2026-12-01T16:39:01.100+0000] [] [\u001B[1;93mWARNING\u001B[0m] [] [org.glassfish.tyrus.servlet.TyrusServletWriter] [tid: _ThreadID=90] [[",
                "  TyrusServletWriter.onError",
                "java.io.IOException: Broken pipe",
                "\tat org.glassfish.grizzly.nio.transport.TCPNIOUtils.flushByteBuffer(TCPNIOUtils.java:149)",
                "\tat dev.socketee.impl.engine.transport.websocket.WebSocketTransport.closeWith(WebSocketTransport.java:226)",
                "\tat dev.socketee.impl.engine.EngineSession.onClose(EngineSession.java:492)]]");
        assertEquals(List.of(), ServerLogErrors.in(record));
    }

    @Test
    void payarasRecycledResponseOnAWebSocketCloseIsNotButOtherNullPointersAre() {
        String header = "[2026-12-03T10:22:07.967+0000] [] [\u001B[1;93mWARNING\u001B[0m] [] [\u001B[1;94mjakarta.enterprise.web\u001B[0m] [tid: _ThreadID=123] [[";
        String ours = "\tat dev.socketee.impl.engine.transport.websocket.WebSocketTransport.closeWith(WebSocketTransport.java:240)";
        List<String> record = List.of(header, "  Response Error during finishResponse",
                "java.lang.NullPointerException: Cannot invoke \"org.glassfish.grizzly.http.io.OutputBuffer.close()\" because \"this.grizzlyOutputBuffer\" is null",
                "\tat org.apache.catalina.connector.OutputBuffer.close(OutputBuffer.java:247)",
                "\tat org.glassfish.tyrus.core.TyrusSession.close(TyrusSession.java:228)", ours + "]]");
        assertEquals(List.of(), ServerLogErrors.in(record));
        List<String> otherNpe = List.of(header, "  Response Error during finishResponse",
                "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"text\" is null", ours + "]]");
        assertEquals(List.of(ours + "]]"), ServerLogErrors.in(otherNpe));
    }

    @Test
    void socketeeFramesUnderAnyOtherThrowableOrLevelStillAre() {
        String ours = "\tat dev.socketee.impl.engine.EngineSession.onClose(EngineSession.java:492)]]";
        String header = "[2026-12-01T16:39:01.100+0000] [] [WARNING] [] [org.glassfish.tyrus.servlet.TyrusServletWriter] [[";
        assertEquals(List.of(ours), ServerLogErrors.in(List.of(header, "  TyrusServletWriter.onError",
                "java.lang.IllegalStateException: not allowed", ours)));
        String socketeeLogger = "[2026-12-01T16:39:01.100+0000] [] [WARNING] [] [dev.socketee.impl.engine.EngineSession] [[";
        assertEquals(List.of(ours), ServerLogErrors.in(List.of(socketeeLogger, "java.io.IOException: Broken pipe", ours)));
        String severe = "[2026-12-01T16:39:01.100+0000] [] [SEVERE] [] [org.glassfish.tyrus.servlet.TyrusServletWriter] [[";
        assertEquals(List.of(severe, ours), ServerLogErrors.in(List.of(severe, "java.io.IOException: Broken pipe", ours)));
    }

    @Test
    void aWarningRecordEndsWhereTheNextLineStarts() {
        String ours = "\tat dev.socketee.impl.engine.EngineServer.close(EngineServer.java:10)";
        List<String> lines = List.of("11:14:18,765 WARN  [io.undertow] write failed", "java.io.IOException: Broken pipe",
                "\tat io.undertow.Foo.write(Foo.java:1)", "11:14:19,000 INFO  [org.jboss.as] next",
                "java.lang.IllegalStateException: boom", ours);
        assertEquals(List.of(ours), ServerLogErrors.in(lines));
    }
}

package dev.socketee.tck.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowStopDumpTest {

    @Test
    void keepsOnlyTheThreadsThatServeRequestsOrRunSocketee(@TempDir Path dir) throws Exception {
        Path dump = SlowStopDump.file("open-liberty", dir.resolve("open-liberty.log"));
        Files.writeString(dump, """
                "Default Executor-thread-3" #60 daemon prio=5
                   java.lang.Thread.State: TIMED_WAITING (parking)
                \tat java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2095)
                \tat dev.socketee.impl.engine.EngineServer.awaitClosed(EngineServer.java:152)

                "Default Executor-thread-4" #61 daemon prio=5
                   java.lang.Thread.State: RUNNABLE
                \tat com.ibm.ws.webcontainer.servlet.ServletWrapper.service(ServletWrapper.java:1258)

                "Default Executor-thread-5" #38 daemon prio=5
                   java.lang.Thread.State: WAITING (on object monitor)
                	at com.ibm.ws.tcpchannel.internal.SimpleSync.simpleWait(SimpleSync.java:31)
                	at com.ibm.ws.wsoc.WsocConnLink.close(WsocConnLink.java:674)

                "Attach Listener" #70 daemon prio=9
                   java.lang.Thread.State: RUNNABLE
                """);
        String threads = SlowStopDump.requestThreads(dump);
        assertTrue(threads.contains("Default Executor-thread-3") && threads.contains("Default Executor-thread-4")
                && threads.contains("Default Executor-thread-5"), threads);
        assertTrue(!threads.contains("Attach Listener"), threads);
        assertEquals("open-liberty-slow-stop-threads.txt", dump.getFileName().toString());
    }

    @Test
    void withoutADumpThereIsNothingToSay(@TempDir Path dir) {
        assertEquals("", SlowStopDump.requestThreads(dir.resolve("none.txt")));
    }
}

package dev.socketee.incontainer.arquillian;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/**
 * What the server wrote while one deployment ran: the new part of its log file
 * ({@code -Dsocketee.server.log}), and what went to {@code System.out} (where the Payara Micro
 * adapter copies its process's output).
 */
final class ServerOutput {

    private final String log = System.getProperty("socketee.server.log");
    private final long logStart;
    private final PrintStream originalOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private ServerOutput() {
        logStart = length();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                originalOut.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                originalOut.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    static ServerOutput start() {
        return new ServerOutput();
    }

    void stop() {
        System.setOut(originalOut);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        synchronized (captured) {
            sb.append(captured.toString(StandardCharsets.UTF_8));
        }
        if (log != null) {
            try (RandomAccessFile f = new RandomAccessFile(log, "r")) {
                long start = f.length() < logStart ? 0 : logStart;
                byte[] b = new byte[(int) Math.min(f.length() - start, 1 << 20)];
                f.seek(start);
                f.readFully(b);
                sb.append(new String(b, StandardCharsets.UTF_8));
            } catch (IOException e) {
                sb.append("(").append(log).append(": ").append(e).append(")");
            }
        }
        return sb.toString();
    }

    private long length() {
        return log == null ? 0 : new java.io.File(log).length();
    }
}

package dev.socketee.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports free on 127.0.0.1 right now (a server started at once gets them). */
public final class FreePorts {
    private FreePorts() {
    }

    public static int any() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base such that base + each offset is free (for servers that shift a fixed set of ports). */
    public static int offsetFreeFor(int... ports) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 10_000 + (int) (Math.random() * 40_000);
            boolean allFree = true;
            for (int p : ports) {
                allFree &= isFree(p + offset);
            }
            if (allFree) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset found");
    }

    private static boolean isFree(int port) {
        if (port > 65_535) {
            return false;
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

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

    /**
     * A base such that base + each offset is free (for servers that shift a fixed set of ports). The
     * shifted ports stay out of the kernel's ephemeral range: a port there may be taken by any
     * outgoing connection between this check and the server's bind (a WildFly failed to boot on a
     * management port a load generator's client socket had just been given).
     */
    public static int offsetFreeFor(int... ports) {
        int lowest = java.util.Arrays.stream(ports).min().orElseThrow();
        int highest = java.util.Arrays.stream(ports).max().orElseThrow();
        int[] ephemeral = EphemeralPorts.range();
        int from = Math.max(1024 - lowest, 1_000);
        int to = ephemeral[0] - 1 - highest;       // all below the ephemeral range
        if (to < from) {                           // no room below it: above it
            from = ephemeral[1] + 1 - lowest;
            to = 65_535 - highest;
        }
        for (int attempt = 0; attempt < 200 && to >= from; attempt++) {
            int offset = from + (int) (Math.random() * (to - from + 1));
            boolean allFree = true;
            for (int p : ports) {
                allFree &= isFree(p + offset);
            }
            if (allFree) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset found outside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]);
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

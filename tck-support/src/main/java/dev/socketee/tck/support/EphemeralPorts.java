package dev.socketee.tck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's range for outgoing connections' local ports (Linux; the IANA range elsewhere). */
final class EphemeralPorts {
    private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private EphemeralPorts() {
    }

    static int[] range() {
        try {
            String[] bounds = Files.readString(LINUX_RANGE).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {49_152, 65_535};
        }
    }
}

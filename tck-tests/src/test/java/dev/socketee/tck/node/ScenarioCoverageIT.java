package dev.socketee.tck.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socketee.tck.NodeScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every scenario script is run by some IT: its name must start with one of the prefixes the ITs run. */
class ScenarioCoverageIT {
    /** engine- NodeEngineClientIT; connect-, messages-, disconnect- NodeClientIT; binary- BinaryIT; acks- AcksIT; namespaces- NamespacesIT; cdi- CdiNodeIT; shutdown- ServerShutdownIT; recovery- RecoveryIT; eio3- Eio3NodeIT; bench- BenchAppsIT. */
    static final List<String> PREFIXES =
            List.of("engine-", "connect-", "messages-", "disconnect-", "binary-", "acks-", "namespaces-", "cdi-", "shutdown-", "recovery-", "eio3-", "bench-");

    @Test
    void everyScenarioIsRun() {
        List<String> orphans = NodeScenarios.all().stream()
                .filter(n -> PREFIXES.stream().noneMatch(n::startsWith)).toList();
        assertEquals(List.of(), orphans, "scenario scripts that no IT runs");
    }
}

package dev.netlens.discovery.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine 1 behind a GET-only socket proxy (the usual read-only docker-socket-proxy): the socket is
 * served by no dockerd, but the engine is on this machine, so its kernel is read directly.
 */
@EngineTest
class LocalEngineBehindProxyTest {
    private static Path dir;
    private static GetOnlySocketProxy proxy;

    @BeforeAll
    static void startProxy() throws Exception {
        dir = Files.createTempDirectory("nlhelp-proxy");
        proxy = new GetOnlySocketProxy(dir.resolve("docker.sock"), Path.of("/var/run/docker.sock"));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
        Files.deleteIfExists(dir);
    }

    @Test
    void theProxiedEngineHasTheKernelFactsOfItsDirectDiscovery() {
        List<String> differences = List.of();
        for (int attempt = 0; attempt < 8; attempt++) {
            try (Discovery discovery = Discovery.local()) {
                String before = discovery.fingerprint(List.of(Lab.ENGINE1));
                TopologySnapshot direct = discovery.discover(List.of(Lab.ENGINE1)).snapshot();
                TopologySnapshot proxied = discovery.discover(List.of(proxy.endpoint())).snapshot();
                String after = discovery.fingerprint(List.of(Lab.ENGINE1));
                Host host = proxied.hosts().get(0);
                assertTrue(host.kernelView(), String.valueOf(host.missing()));
                JsonNode expected = SnapshotFacts.of(direct);
                differences = SnapshotFacts.differences(SnapshotFacts.of(proxied), expected);
                if (differences.isEmpty()) {
                    assertTrue(SnapshotFacts.sizes(expected).get("namespaces") > 5, SnapshotFacts.sizes(expected).toString());
                    return;
                }
                if (before.equals(after)) {
                    break;
                }
            }
        }
        fail("engine 1 behind the proxy differs from its direct discovery:\n" + String.join("\n", differences));
    }

    @Test
    void aHelperThroughTheGetOnlyProxyIsRefusedInOneLineAndTheApiViewStays() {
        KernelOptions helper = new KernelOptions(KernelMode.HELPER, true, null, n -> { });
        try (Discovery discovery = Discovery.local(helper)) {
            DiscoveryResult result = discovery.discover(List.of(proxy.endpoint()));
            Host host = result.snapshot().hosts().get(0);
            assertFalse(host.kernelView());
            assertFalse(result.snapshot().containers().isEmpty());
            assertEquals("kernel view unavailable: the engine refused to create the helper container: this proxy"
                    + " allows GET only", host.missing().get(0));
        }
    }

    @Test
    void kernelLocalStillReadsTheProxiedEngine() {
        try (Discovery discovery = Discovery.local(new KernelOptions(KernelMode.LOCAL, false, null, n -> { }))) {
            assertTrue(discovery.discover(List.of(proxy.endpoint())).snapshot().hosts().get(0).kernelView());
        }
    }
}

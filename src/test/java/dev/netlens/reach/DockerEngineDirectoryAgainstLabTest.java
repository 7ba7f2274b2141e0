package dev.netlens.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.engine.DockerContexts;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chooser's logic against the real lab, read-only: an engine's probe over its socket and over
 * TLS with client certificates (node2's tcp://198.18.0.2:2376, .ci/lab/node2-tcp-up.sh), and engine
 * 1's swarm with both nodes' engines.
 */
@EngineTest
class DockerEngineDirectoryAgainstLabTest {
    private static final Path CLIENT = Path.of("/run/netlens-lab/node2-tls/client");
    @TempDir
    Path config;

    private DockerEngineDirectory directory(TlsFiles tls) {
        return new DockerEngineDirectory(new DockerContexts(config, Map.of()), Map.of(), tls,
                h -> EngineEndpoints.connect(h, Duration.ofSeconds(10), tls), DockerEngineDirectory::dockerdSockets);
    }

    @Test
    void anEngineOnItsSocketSaysWhoItIs() throws Exception {
        EngineProbe probe = directory(TlsFiles.NONE).probe(Lab.NODE2);
        assertEquals(Lab.NODE2, probe.endpoint());
        assertEquals(Lab.docker(Lab.NODE2, "version", "--format", "{{.Server.Version}}").strip(), probe.version());
        assertFalse(probe.name().isEmpty());
    }

    @Test
    void node2OverTlsAnswersWithTheClientCertificateAndIsRefusedInOneLineWithout() throws Exception {
        TlsFiles tls = new TlsFiles(CLIENT.resolve("ca.pem"), CLIENT.resolve("cert.pem"), CLIENT.resolve("key.pem"));
        assertEquals("tcp://198.18.0.2:2376", directory(tls).probe("tcp://198.18.0.2:2376").endpoint());
        ReachProblem p = assertThrows(ReachProblem.class, () -> directory(TlsFiles.NONE).probe("tcp://198.18.0.2:2376"));
        assertEquals(ReachProblem.Kind.UNREACHABLE, p.kind());
        assertEquals(1, p.detail().lines().count(), p.detail());
    }

    @Test
    void engine1sSwarmListsBothNodesEachWithItsOwnEngine() throws Exception {
        List<SwarmNodeEntry> nodes = directory(TlsFiles.NONE).swarm(Lab.ENGINE1, List.of());
        assertEquals(2, nodes.size(), nodes.toString());
        assertTrue(nodes.stream().allMatch(SwarmNodeEntry::reachable), nodes.toString());
        assertEquals(Set.of(Lab.ENGINE1, Lab.NODE2), nodes.stream().map(SwarmNodeEntry::endpoint).collect(Collectors.toSet()));
        ReachProblem worker = assertThrows(ReachProblem.class, () -> directory(TlsFiles.NONE).swarm(Lab.NODE2, List.of()));
        assertEquals(ReachProblem.Kind.NOT_A_MANAGER, worker.kind());
    }
}

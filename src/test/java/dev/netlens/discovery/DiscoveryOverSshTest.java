package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.engine.SshEngineApi;
import dev.netlens.discovery.engine.UnixSocketEngineApi;
import dev.netlens.discovery.kernel.NamespaceLister;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import dev.netlens.testing.SshTestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ssh:// engine against a real sshd the test starts in a namespace of its own, whose sessions'
 * docker reaches node2: what Netlens reads over ssh equals what it reads over node2's socket, fact by
 * fact on the API's side, and every way ssh can fail gives one clear line.
 */
@EngineTest
class DiscoveryOverSshTest {
    @TempDir
    static Path keys;
    private static SshTestServer server;

    @BeforeAll
    static void startSshd() throws Exception {
        server = SshTestServer.start(keys, Lab.NODE2);
    }

    @AfterAll
    static void stopSshd() {
        if (server != null) {
            server.close();
        }
    }

    private static TopologySnapshot discover(String host, Function<String, EngineApi> connector) {
        try (Discovery discovery = new Discovery(connector, new ProcessCommandRunner(Duration.ofSeconds(10)),
                NamespaceLister.FILE_SYSTEM, Path.of("/proc"), Clock.systemUTC())) {
            DiscoveryResult result = discovery.discover(List.of(host));
            assertEquals(List.of(), result.failures());
            return result.snapshot();
        }
    }

    @Test
    void discoveryOverSshEqualsDiscoveryOverTheSocketOnApiFacts() {
        TopologySnapshot local = discover(Lab.NODE2, h -> new UnixSocketEngineApi(h, Duration.ofSeconds(10)));
        TopologySnapshot overSsh = discover(server.endpoint(),
                h -> new SshEngineApi(h, Duration.ofSeconds(20), server.clientKey()));
        Host viaSocket = local.hosts().get(0);
        Host viaSsh = overSsh.hosts().get(0);
        assertEquals(server.endpoint(), viaSsh.endpoint());
        assertEquals(List.of(viaSocket.id(), viaSocket.name(), viaSocket.engineVersion(), viaSocket.apiVersion(),
                        viaSocket.swarmNodeId(), viaSocket.underlayAddress()),
                List.of(viaSsh.id(), viaSsh.name(), viaSsh.engineVersion(), viaSsh.apiVersion(),
                        viaSsh.swarmNodeId(), viaSsh.underlayAddress()));
        assertEquals("198.18.0.2", viaSsh.underlayAddress(), "the sshd's docker reached node2, not engine 1");
        // Other tests may change node2 meanwhile: the lab's own objects (and the built-in networks) are compared.
        java.util.Set<String> labContainers = java.util.Set.of(Lab.docker(Lab.NODE2, "ps", "-aq", "--no-trunc",
                "--filter", "label=" + Lab.LABEL).split("\\s+"));
        java.util.Set<String> labNetworks = new java.util.HashSet<>(List.of(Lab.docker(Lab.NODE2, "network", "ls", "-q",
                "--no-trunc", "--filter", "label=" + Lab.LABEL).split("\\s+")));
        java.util.Set<String> builtIn = java.util.Set.of("bridge", "host", "none", "ingress", "docker_gwbridge");
        java.util.function.Predicate<Network> lab = n -> labNetworks.contains(n.id()) || builtIn.contains(n.name());
        assertEquals(networks(local, lab), networks(overSsh, lab));
        assertEquals(containers(local, c -> labContainers.contains(c.id())), containers(overSsh, c -> labContainers.contains(c.id())));
        assertFalse(containers(overSsh, c -> labContainers.contains(c.id())).isEmpty());
        assertTrue(networks(overSsh, lab).stream().anyMatch(n -> n.contains("|lab-overlay|")), networks(overSsh, lab).toString());
        assertTrue(viaSocket.kernelView());
    }

    /** What the API says of each network (the kernel's names for it are the socket side's alone). */
    private static List<String> networks(TopologySnapshot s, java.util.function.Predicate<Network> which) {
        return s.networks().stream().filter(which).map((Network n) -> String.join("|", n.id(), n.name(), n.driver(), n.scope(),
                "" + n.internal(), "" + n.attachable(), "" + n.ingress(), n.subnets().toString(), n.gateways().toString()))
                .sorted().toList();
    }

    /** Each container with its endpoints (addresses, MACs, aliases), ports and labels. */
    private static List<String> containers(TopologySnapshot s, java.util.function.Predicate<Container> which) {
        return s.containers().stream().filter(which).map((Container c) -> String.join("|", c.id(), c.name(), c.image(), c.state(),
                c.networkMode(), c.ports().toString(), c.labels().toString(),
                c.endpoints().stream().map(e -> String.join(",", e.network(), e.networkName(), e.ipv4(), e.ipv6(), e.mac(),
                        e.aliases().toString())).sorted().toList().toString()))
                .sorted().toList();
    }

    @Test
    void theEventStreamArrivesOverSshAsOverTheSocket() throws Exception {
        // A bounded window of past events: the engine ends the stream at "until", so both reads end.
        long now = java.time.Instant.now().getEpochSecond();
        String path = "/events?since=" + (now - 3600) + "&until=" + now;
        List<String> viaSsh = new java.util.ArrayList<>();
        try (var body = new SshEngineApi(server.endpoint(), Duration.ofSeconds(20), server.clientKey()).stream(path)) {
            var events = new com.fasterxml.jackson.databind.ObjectMapper().readerFor(com.fasterxml.jackson.databind.JsonNode.class)
                    .<com.fasterxml.jackson.databind.JsonNode>readValues(body);
            while (events.hasNextValue()) {
                var e = events.nextValue();
                viaSsh.add(e.path("Type").asText() + " " + e.path("timeNano").asText());
            }
        }
        List<String> viaSocket = new java.util.ArrayList<>();
        for (String line : Lab.docker(Lab.NODE2, "events", "--since", "" + (now - 3600), "--until", "" + now,
                "--format", "{{.Type}} {{.TimeNano}}").split("\n")) {
            if (!line.isBlank()) {
                viaSocket.add(line.strip());
            }
        }
        // Type and time: an exec's action text may hold newlines, which the CLI prints as they are.
        assertEquals(viaSocket, viaSsh);
        assertFalse(viaSsh.isEmpty());
    }

    @Test
    void aKeyTheHostRefusesIsSaidInOneLine() {
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> new SshEngineApi(server.endpoint(), Duration.ofSeconds(10), server.strangerKey()).get("/info"));
        assertTrue(e.getMessage().contains("refused the key"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anUnknownHostKeyIsRefusedNotAccepted() {
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> new SshEngineApi(server.endpoint(), Duration.ofSeconds(10), server.unknownHost()).get("/info"));
        assertTrue(e.getMessage().contains("host key"), e.getMessage());
    }

    @Test
    void noDockerOnTheRemoteIsSaid() {
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> new SshEngineApi(server.endpoint(), Duration.ofSeconds(10), server.noDockerKey()).get("/info"));
        assertTrue(e.getMessage().contains("docker is not installed on root@" + SshTestServer.ADDRESS), e.getMessage());
    }

    @Test
    void noSshClientIsSaid() {
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> new SshEngineApi(server.endpoint(), Duration.ofSeconds(10), List.of("/nonexistent/nlreach-ssh")).get("/info"));
        assertTrue(e.getMessage().contains("no ssh client found"), e.getMessage());
    }
}

package dev.netlens.discovery.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node2 engine reached only over TCP (plain, and TLS with client certificates), its kernel read
 * by a helper container, against the same engine discovered over its local socket with this
 * machine's kernel: the snapshots must hold the same facts. .ci/lab/node2-tcp-up.sh makes the TCP
 * listeners (in node2's own namespace) and the certificates.
 */
@EngineTest
class KernelHelperAgainstLabTest {
    static final String NODE2_TCP = "tcp://198.18.0.2:2375";
    static final String NODE2_TLS = "tcp://198.18.0.2:2376";
    static final Path CLIENT_CERTS = Path.of("/run/netlens-lab/node2-tls/client");
    private static final String HELPER_FILTER = "label=" + HelperContainer.LABEL + "=1";

    @BeforeAll
    static void node2ListensOnTcp() {
        Lab.run(List.of("bash", ".ci/lab/node2-tcp-up.sh"));
    }

    @AfterEach
    void noHelperIsLeft() {
        assertEquals("", Lab.docker(Lab.NODE2, "ps", "-aq", "--filter", HELPER_FILTER).strip(),
                "a helper container was left on node2");
    }

    @Test
    void node2OverTcpThroughTheHelperHasTheFactsOfItsLocalDiscovery() {
        List<String> notices = new ArrayList<>();
        KernelOptions helper = new KernelOptions(KernelMode.HELPER, true, null, notices::add);
        TopologySnapshot viaHelper = sameFactsAsLocal(NODE2_TCP, helper, TlsFiles.NONE);
        assertTrue(notices.stream().anyMatch(n -> n.contains("image netlens/busybox:lab") && n.contains("removed")), notices.toString());
        // The comparison covered every kind of fact: veth pairs both ways, bridges, VXLAN with its VNI, firewall.
        Map<String, NetInterface> byId = viaHelper.interfaces().stream()
                .collect(Collectors.toMap(NetInterface::id, Function.identity()));
        NetInterface veth = viaHelper.interfaces().stream().filter(i -> i.kind() == InterfaceKind.VETH && i.peer() != null)
                .findFirst().orElseThrow();
        assertEquals(veth.id(), byId.get(veth.peer()).peer());
        assertTrue(viaHelper.interfaces().stream().anyMatch(i -> i.kind() == InterfaceKind.BRIDGE));
        assertTrue(viaHelper.interfaces().stream().anyMatch(i -> i.kind() == InterfaceKind.VXLAN && i.vni() != null && i.vni() >= 4096));
        Host host = viaHelper.hosts().get(0);
        assertNotNull(host.firewall().iptablesSave());
        assertTrue(host.firewall().iptablesSave().contains("DOCKER"));
        assertFalse(host.sysctls().isEmpty());
    }

    @Test
    void node2OverTlsWithTheFilesNamedThroughTheHelperHasTheFactsOfItsLocalDiscovery() {
        TlsFiles tls = new TlsFiles(CLIENT_CERTS.resolve("ca.pem"), CLIENT_CERTS.resolve("cert.pem"), CLIENT_CERTS.resolve("key.pem"));
        sameFactsAsLocal(NODE2_TLS, new KernelOptions(KernelMode.HELPER, true, null, n -> { }), tls);
    }

    @Test
    void node2OverTlsWithoutAClientCertificateIsRefusedByTheEngine() {
        try (Discovery discovery = Discovery.local(KernelOptions.DEFAULT,
                new TlsFiles(CLIENT_CERTS.resolve("ca.pem"), null, null))) {
            DiscoveryResult result = discovery.discover(List.of(NODE2_TLS));
            assertEquals(1, result.failures().size());
            assertTrue(result.snapshot().hosts().isEmpty());
        }
    }

    @Test
    void node2OverTcpIsReadWithThisMachinesKernelWhenItIsFoundHere() {
        try (Discovery discovery = Discovery.local(new KernelOptions(KernelMode.LOCAL, false, null, n -> { }))) {
            Host host = discovery.discover(List.of(NODE2_TCP)).snapshot().hosts().get(0);
            assertTrue(host.kernelView(), String.valueOf(host.missing()));
        }
    }

    @Test
    void anImageTheEngineLacksIsRefusedInOneLineAndTheApiViewStays() {
        KernelOptions options = new KernelOptions(KernelMode.HELPER, true, "nlhelp-no-such-image:1", n -> { });
        try (Discovery discovery = Discovery.local(options)) {
            DiscoveryResult result = discovery.discover(List.of(NODE2_TCP));
            Host host = result.snapshot().hosts().get(0);
            assertFalse(host.kernelView());
            assertFalse(result.snapshot().containers().isEmpty(), "the API-only view stays");
            String reason = host.missing().get(0);
            assertEquals("kernel view unavailable: image nlhelp-no-such-image:1 is not on this engine, and the helper"
                    + " never pulls one: load it there first", reason);
        }
    }

    @Test
    void kernelNoneReadsNoKernelAndStartsNoHelper() {
        try (Discovery discovery = Discovery.local(new KernelOptions(KernelMode.NONE, false, null, n -> { }))) {
            Host host = discovery.discover(List.of(Lab.NODE2)).snapshot().hosts().get(0);
            assertFalse(host.kernelView());
            assertEquals("kernel view not read (--kernel none)", host.missing().get(0));
        }
    }

    @Test
    void aLeftoverHelperIsRemovedAtTheNextStart() {
        Lab.docker(Lab.NODE2, "create", "--name", "nlhelp-leftover", "--label", HelperContainer.LABEL + "=1",
                "netlens/busybox:lab", "sleep", "1");
        try (Discovery discovery = Discovery.local(new KernelOptions(KernelMode.HELPER, true, null, n -> { }))) {
            assertTrue(discovery.discover(List.of(NODE2_TCP)).snapshot().hosts().get(0).kernelView());
        }
        // noHelperIsLeft checks the leftover went too
    }

    /**
     * Discovers {@code remote} with these options and node2's local socket with the local kernel,
     * until the engine did not change while both looked (other lab users start containers).
     */
    private static TopologySnapshot sameFactsAsLocal(String remote, KernelOptions options, TlsFiles tls) {
        List<String> differences = List.of();
        for (int attempt = 0; attempt < 8; attempt++) {
            try (Discovery local = Discovery.local(); Discovery viaRemote = Discovery.local(options, tls)) {
                String before = local.fingerprint(List.of(Lab.NODE2));
                TopologySnapshot direct = local.discover(List.of(Lab.NODE2)).snapshot();
                DiscoveryResult result = viaRemote.discover(List.of(remote));
                String after = local.fingerprint(List.of(Lab.NODE2));
                assertEquals(List.of(), result.failures());
                Host host = result.snapshot().hosts().get(0);
                assertTrue(host.kernelView(), String.valueOf(host.missing()));
                JsonNode expected = SnapshotFacts.of(direct);
                differences = SnapshotFacts.differences(SnapshotFacts.of(result.snapshot()), expected);
                if (differences.isEmpty()) {
                    assertTrue(SnapshotFacts.sizes(expected).get("namespaces") > 3, SnapshotFacts.sizes(expected).toString());
                    return result.snapshot();
                }
                if (before.equals(after)) {
                    break; // the engine stood still: a real difference
                }
            }
        }
        fail("node2 over " + remote + " differs from its local discovery:\n" + String.join("\n", differences));
        return null;
    }
}

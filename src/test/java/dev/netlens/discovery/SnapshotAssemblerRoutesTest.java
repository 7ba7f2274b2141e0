package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.engine.EngineInfo;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelLink;
import dev.netlens.discovery.kernel.KernelRoute;
import dev.netlens.discovery.kernel.NamespaceDump;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Route;
import dev.netlens.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kernel routes become snapshot routes whose devices are interface ids of their own namespace. */
class SnapshotAssemblerRoutesTest {
    private static final EngineInfo INFO = new EngineInfo("E", "lab", "20.10.24", "1.41", "linux", "6.18", null, null, false,
            "/var/lib/docker");

    private static KernelLink link(int ifindex, String name) {
        return new KernelLink(ifindex, name, InterfaceKind.VETH, "veth", null, 1500, "UP", List.of(), null, null, null, null,
                null, null);
    }

    private static TopologySnapshot assemble(KernelFacts kernel, List<String> kernelMissing) {
        EngineFacts engine = new EngineFacts(INFO, List.of(), List.of(), List.of());
        return SnapshotAssembler.assemble(List.of(new HostScan("unix:///var/run/docker.sock", engine, kernel, kernelMissing)),
                Instant.parse("2026-12-03T10:00:00Z"));
    }

    private static NetNamespace named(TopologySnapshot s, String name) {
        return s.namespaces().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void devicesResolveInTheirOwnNamespaceAndUnknownOnesKeepTheirName() {
        NamespaceDump host = new NamespaceDump("host", "/proc/7/ns/net", List.of(link(2, "eth0"), link(3, "docker0")), List.of(
                new KernelRoute("default", "192.0.2.1", "eth0", null, null, null, null),
                new KernelRoute("172.17.0.0/16", null, "docker0", "172.17.0.1", "link", null, null),
                new KernelRoute("100.64.9.0/24", null, "gone0", null, "link", null, 20),
                new KernelRoute("100.64.30.0/24", null, null, null, null, "blackhole", null)));
        // A sandbox with its own eth0: a route there names that one, not the host's.
        NamespaceDump sandbox = new NamespaceDump("abc", "/var/run/docker/netns/abc", List.of(link(9, "eth0")), List.of(
                new KernelRoute("default", "172.17.0.1", "eth0", null, null, null, null)));
        NamespaceDump unread = new NamespaceDump("def", "/var/run/docker/netns/def", List.of(link(4, "eth0")));
        TopologySnapshot s = assemble(new KernelFacts(host, List.of(sandbox, unread), FirewallCapture.unavailable("x"), List.of(),
                "boot", Map.of("net.ipv4.ip_forward", "1")), List.of());
        NetNamespace h = named(s, "host");
        assertEquals(List.of(
                new Route("default", "192.0.2.1", h.id() + "/eth0", "eth0", null, null, null, null),
                new Route("172.17.0.0/16", null, h.id() + "/docker0", "docker0", "172.17.0.1", "link", null, null),
                new Route("100.64.9.0/24", null, null, "gone0", null, "link", null, 20),
                new Route("100.64.30.0/24", null, null, null, null, null, "blackhole", null)), h.routes());
        NetNamespace abc = named(s, "abc");
        assertEquals(abc.id() + "/eth0", abc.routes().get(0).device());
        assertNull(named(s, "def").routes());
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), s.hosts().get(0).sysctls());
    }

    @Test
    void apiOnlyHostHasNoRoutesAndNoSettings() {
        TopologySnapshot s = assemble(null, List.of("kernel view unavailable: remote engine"));
        assertNull(named(s, "host").routes());
        assertEquals(Map.of(), s.hosts().get(0).sysctls());
    }
}

package dev.netlens.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.firewall.FirewallCaptureParser;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.Rule;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.SnapshotValidator;
import dev.netlens.snapshot.TopologySnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticHostsTest {
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final String PROJECT = "com.docker.compose.project";
    private static final String SERVICE = "com.docker.compose.service";

    @Test
    void devHostIsTheDevhostWorkloadBesideTheLab() {
        TopologySnapshot s = SyntheticHosts.devHost();
        assertEquals(List.of(), SnapshotValidator.problems(s));
        String engine1 = s.hosts().get(0).id();
        assertEquals(45, s.containers().size());
        assertEquals(16, s.networks().stream().filter(n -> n.host().equals(engine1)).count());
        assertEquals(2, s.hosts().size(), "engine 2 of the lab is kept");

        Map<String, Container> byName = s.containers().stream().collect(Collectors.toMap(Container::name, Function.identity()));
        SyntheticHosts.DEVHOST_PROJECTS.forEach((project, services) -> {
            List<Container> members = s.containers().stream().filter(c -> project.equals(c.labels().get(PROJECT))).toList();
            assertEquals(services.size(), members.size(), project);
            for (String service : services) {
                Container c = byName.get(project + "-" + service + "-1");
                assertNotNull(c, project + "-" + service + "-1");
                assertEquals(Map.of(PROJECT, project, SERVICE, service), c.labels());
                assertEquals(project + "_default", c.networkMode());
                assertTrue(c.endpoints().stream().anyMatch(e -> e.networkName().equals(project + "_default")
                        && e.aliases().contains(service)), c.name());
            }
            Container front = byName.get(project + "-" + services.get(0) + "-1");
            assertEquals(List.of(project + "_default", "proxy").stream().sorted().toList(),
                    front.endpoints().stream().map(Endpoint::networkName).toList(), "the front end is multi-homed");
        });
        Container proxy = byName.get("edge-proxy-1");
        assertEquals(Map.of(PROJECT, "edge", SERVICE, "proxy"), proxy.labels());
        assertEquals(List.of(new PortMapping("127.0.0.1", 80, 80, "tcp"), new PortMapping("127.0.0.1", 443, 443, "tcp")),
                proxy.ports());
        Network proxyNet = network(s, engine1, "proxy");
        assertEquals(6, s.containers().stream().filter(c -> c.endpoints().stream().anyMatch(e -> e.network().equals(proxyNet.id())))
                .count());
        assertEquals(List.of("100.82.100.0/24"), proxyNet.subnets());
        for (String name : List.of("devhost-postgres", "devhost-redis", "devhost-mailpit", "devhost-toolbox")) {
            Container c = byName.get(name);
            assertEquals(Map.of(), c.labels(), name + " is standalone");
            assertEquals("default", c.networkMode());
            assertEquals("bridge", c.endpoints().get(0).networkName());
        }
        assertEquals("172.17.0.4/16", byName.get("devhost-postgres").endpoints().get(0).ipv4(), "after the lab's .2 and .3");
        assertEquals(26, s.containers().stream().filter(c -> !c.labels().isEmpty()).count());
        assertTrue(s.containers().stream().filter(c -> c.name().startsWith("lab-")).allMatch(c -> c.labels().isEmpty()));
        assertKernelConsistent(s);
    }

    @Test
    void devHostHasTheProjectsOfBenchDevhostSh() throws Exception {
        String script = Files.readString(Path.of("bench/devhost.sh"));
        Map<String, List<String>> projects = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\[(\\w+)\\]=\"([^\"]+)\"").matcher(script);
        while (m.find()) {
            projects.put(m.group(1), List.of(m.group(2).split(" ")));
        }
        assertEquals(SyntheticHosts.DEVHOST_PROJECTS, projects);
        Matcher order = Pattern.compile("PROJECTS=\\(([^)]*)\\)").matcher(script);
        assertTrue(order.find());
        assertEquals(List.copyOf(SyntheticHosts.DEVHOST_PROJECTS.keySet()), List.of(order.group(1).split(" ")));
    }

    @Test
    void scaleSpreadsContainersOverComposeProjects() {
        for (int[] size : new int[][] {{200, 20}, {500, 50}, {7, 3}, {5, 1}}) {
            int containers = size[0];
            int networks = size[1];
            TopologySnapshot s = SyntheticHosts.scale(containers, networks);
            String what = "scale(" + containers + ", " + networks + ")";
            assertEquals(List.of(), SnapshotValidator.problems(s), what);
            assertEquals(containers, s.containers().size(), what);
            assertEquals(networks + 3, s.networks().size(), what + ": the projects' and bridge, host, none");
            assertTrue(s.containers().stream().allMatch(c -> c.labels().containsKey(PROJECT) && c.labels().containsKey(SERVICE)));
            Map<String, Long> perProject = s.containers().stream()
                    .collect(Collectors.groupingBy(c -> c.labels().get(PROJECT), Collectors.counting()));
            assertEquals(networks, perProject.size(), what);
            long least = perProject.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            long most = perProject.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(most - least <= 1, what + ": evenly spread " + perProject);
            for (Container c : s.containers()) {
                assertEquals(c.labels().get(PROJECT) + "_default", c.networkMode());
                assertTrue(c.endpoints().stream().anyMatch(e -> e.networkName().equals(c.networkMode())), c.name());
            }
            long multiHomed = s.containers().stream().filter(c -> c.endpoints().size() > 1).count();
            assertEquals(networks > 1 ? networks : 0, multiHomed, what);
            assertTrue(s.containers().stream().anyMatch(c -> !c.ports().isEmpty()), what + ": some publish ports");
            assertKernelConsistent(s);
        }
        assertThrows(IllegalArgumentException.class, () -> SyntheticHosts.scale(3, 4));
        assertThrows(IllegalArgumentException.class, () -> SyntheticHosts.scale(300, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticHosts.scale(1000, 241));
    }

    @Test
    void firewallHoldsEachBridgeAndPublishedPortAsDockerWritesThem() {
        TopologySnapshot dev = SyntheticHosts.devHost();
        Host engine1 = dev.hosts().get(0);
        FirewallRuleset rules = FirewallCaptureParser.read(engine1.firewall());
        assertEquals(List.of(), rules.problems());
        List<String> raw = rules.rules().map(Rule::raw).toList();
        Container proxy = dev.containers().stream().filter(c -> c.name().equals("edge-proxy-1")).findFirst().orElseThrow();
        String ip = proxy.endpoints().get(0).ipv4().split("/")[0];
        String br = bridgeName(dev, proxy.endpoints().get(0).network());
        assertTrue(raw.contains("-A DOCKER -d 127.0.0.1/32 ! -i " + br + " -p tcp -m tcp --dport 443 -j DNAT --to-destination "
                + ip + ":443"), String.join("\n", raw));
        assertTrue(raw.contains("-A POSTROUTING -s 100.82.1.0/24 ! -o " + bridgeName(dev, network(dev, engine1.id(),
                "shop_default").id()) + " -j MASQUERADE"));
        assertTrue(raw.contains("-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 15432 -j DNAT --to-destination "
                + "172.17.0.4:5432"));
        assertTrue(raw.stream().anyMatch(r -> r.contains("--dport 5353")), "the lab's rules are kept");

        TopologySnapshot scale = SyntheticHosts.scale(200, 20);
        FirewallRuleset scaleRules = FirewallCaptureParser.read(scale.hosts().get(0).firewall());
        assertEquals(List.of(), scaleRules.problems());
        long bridges = scale.networks().stream().filter(n -> n.name().endsWith("_default")).count();
        assertEquals(bridges + 1, scaleRules.rules().filter(r -> r.raw().contains("-j DOCKER-ISOLATION-STAGE-2")).count(),
                "one isolation rule per bridge, docker0 included");
        long published = scale.containers().stream().mapToLong(c -> c.ports().size()).sum();
        assertEquals(published, scaleRules.rules().filter(r -> r.raw().contains("-j DNAT")).count());
    }

    @Test
    void committedFilesAreWhatTheGeneratorWritesAndOpen() throws Exception {
        for (var e : SyntheticHosts.FILES.entrySet()) {
            Path file = SNAPSHOTS.resolve(e.getKey());
            assertTrue(Files.exists(file), file + " is missing: run SyntheticHosts.main");
            assertTrue(Files.size(file) < 4L * 1024 * 1024, file + " is " + Files.size(file) + " bytes");
            TopologySnapshot generated = e.getValue().get();
            assertEquals(SnapshotJson.toJson(generated), Files.readString(file),
                    file + " differs from what SyntheticHosts writes now: run SyntheticHosts.main");
            assertEquals(generated, SnapshotJson.read(file));
            TopologyGraph graph = TopologyGraph.from(generated);
            assertTrue(graph.nodes().size() > generated.containers().size(), e.getKey());
        }
    }

    /**
     * Each running container has its namespace with lo, each endpoint its ethN there with the
     * endpoint's address and MAC, paired with a vethXXXXXXX in the host namespace whose master is the
     * endpoint network's bridge; veth peers name each other; ifindexes are unique per kernel.
     */
    private static void assertKernelConsistent(TopologySnapshot s) {
        Map<String, NetInterface> ifs = s.interfaces().stream().collect(Collectors.toMap(NetInterface::id, Function.identity()));
        Map<String, NetNamespace> nss = s.namespaces().stream().collect(Collectors.toMap(NetNamespace::id, Function.identity()));
        Map<String, Network> nets = s.networks().stream().collect(Collectors.toMap(n -> n.host() + "|" + n.id(), Function.identity()));
        for (NetInterface i : s.interfaces()) {
            if (i.peer() != null) {
                assertEquals(i.id(), ifs.get(i.peer()).peer(), "veth peers name each other: " + i.id());
            }
        }
        s.interfaces().stream().collect(Collectors.groupingBy(NetInterface::namespace)).forEach((ns, list) -> assertEquals(
                list.size(), list.stream().map(NetInterface::ifindex).distinct().count(), "ifindexes unique in " + ns));
        List<Integer> legIndexes = new java.util.ArrayList<>();
        Pattern vethName = Pattern.compile("veth[0-9a-f]{7}");
        for (Container c : s.containers()) {
            if (!c.running() || c.name().startsWith("lab-")) {
                continue; // the lab's own were recorded from a real engine
            }
            NetNamespace ns = nss.get(c.namespace());
            assertEquals(NamespaceKind.CONTAINER, ns.kind(), c.name());
            assertEquals(List.of(c.id()), ns.containers());
            NetInterface lo = ifs.get(ns.id() + "/lo");
            assertNotNull(lo, c.name() + " has lo");
            assertEquals(InterfaceKind.LOOPBACK, lo.kind());
            for (Endpoint e : c.endpoints()) {
                NetInterface eth = ifs.get(e.interfaceId());
                assertNotNull(eth, c.name() + " " + e.networkName());
                assertEquals(ns.id(), eth.namespace());
                assertTrue(eth.name().matches("eth\\d"), eth.name());
                assertEquals(List.of(e.ipv4()), eth.addresses());
                assertEquals(e.mac(), eth.mac());
                assertNull(eth.master());
                NetInterface veth = ifs.get(eth.peer());
                assertEquals(InterfaceKind.VETH, veth.kind());
                assertTrue(vethName.matcher(veth.name()).matches(), veth.name());
                assertTrue(nss.get(veth.namespace()).kind() == NamespaceKind.HOST, veth.id());
                Network n = nets.get(c.host() + "|" + e.network());
                assertEquals(n.bridge(), veth.master(), veth.id() + " is a port of " + n.name() + "'s bridge");
                assertEquals(InterfaceKind.BRIDGE, ifs.get(n.bridge()).kind());
                legIndexes.add(eth.ifindex());
                legIndexes.add(veth.ifindex());
            }
        }
        assertEquals(legIndexes.size(), legIndexes.stream().distinct().count(),
                "both ends of every veth pair are numbered from one counter, as the kernel does");
    }

    private static Network network(TopologySnapshot s, String host, String name) {
        return s.networks().stream().filter(n -> n.host().equals(host) && n.name().equals(name)).findFirst().orElseThrow();
    }

    private static String bridgeName(TopologySnapshot s, String networkId) {
        String bridge = s.networks().stream().filter(n -> n.id().equals(networkId)).findFirst().orElseThrow().bridge();
        return bridge.substring(bridge.lastIndexOf('/') + 1);
    }
}

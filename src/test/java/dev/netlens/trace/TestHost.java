package dev.netlens.trace;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.Route;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A one-host topology built as Docker builds it (bridges, veth pairs, container namespaces), for trace tests. */
final class TestHost {
    static final String HOST = "host-test";
    static final String HOST_NS = HOST + "/ns/host";

    private final Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
    private final List<NetInterface> interfaces = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();
    private final Map<String, String> sysctls = new HashMap<>();
    private String iptables = "";
    private String nft;

    TestHost(String eth0Cidr) {
        namespaces.put(HOST_NS, new NetNamespace(HOST_NS, HOST, NamespaceKind.HOST, "host", "/proc/1/ns/net", List.of()));
        add(HOST_NS, "lo", InterfaceKind.LOOPBACK, List.of("127.0.0.1/8"), null, null);
        add(HOST_NS, "eth0", InterfaceKind.DEVICE, List.of(eth0Cidr), null, null);
    }

    TestHost bridge(String network, String bridgeName, String subnet, String gatewayCidr, boolean internal,
            Map<String, String> options) {
        NetInterface br = add(HOST_NS, bridgeName, InterfaceKind.BRIDGE, List.of(gatewayCidr), null, null);
        networks.add(new Network("net-" + network, HOST, network, "bridge", "local", internal, false, false, List.of(subnet),
                List.of(Ipv4.bare(gatewayCidr)), br.id(), null, null, null, List.of(), List.of(), options));
        return this;
    }

    TestHost container(String name, String network, String cidr, PortMapping... ports) {
        String nsId = HOST + "/ns/" + name + "-sandbox";
        String id = (name + "0000000000000000000000000000000000000000000000000000000000000000").substring(0, 64);
        namespaces.put(nsId, new NetNamespace(nsId, HOST, NamespaceKind.CONTAINER, name + "-sandbox", "/run/" + name,
                List.of(id)));
        add(nsId, "lo", InterfaceKind.LOOPBACK, List.of("127.0.0.1/8"), null, null);
        Network net = networks.stream().filter(n -> n.name().equals(network)).findFirst().orElseThrow();
        String eth0 = nsId + "/eth0";
        String hostSide = HOST_NS + "/veth-" + name;
        interfaces.add(new NetInterface(eth0, nsId, "eth0", interfaces.size() + 1, InterfaceKind.VETH, null, 1500, "UP",
                List.of(cidr), null, hostSide, null, null, null));
        interfaces.add(new NetInterface(hostSide, HOST_NS, "veth-" + name, interfaces.size() + 1, InterfaceKind.VETH, null,
                1500, "UP", List.of(), net.bridge(), eth0, null, null, null));
        containers.add(new Container(id, HOST, name, "busybox", "running", network, nsId,
                List.of(new Endpoint(net.id(), network, cidr, null, null, List.of(name + "-alias"), eth0)), List.of(ports),
                Map.of()));
        return this;
    }

    TestHost routes(String containerName, Route... routes) {
        String nsId = HOST + "/ns/" + containerName + "-sandbox";
        NetNamespace ns = namespaces.get(nsId);
        namespaces.put(nsId, new NetNamespace(ns.id(), ns.host(), ns.kind(), ns.name(), ns.path(), ns.containers(),
                List.of(routes)));
        return this;
    }

    TestHost iptables(String text) {
        this.iptables = text;
        return this;
    }

    TestHost nft(String json) {
        this.nft = json;
        this.iptables = null;
        return this;
    }

    TestHost sysctl(String key, String value) {
        sysctls.put(key, value);
        return this;
    }

    TopologySnapshot snapshot() {
        Host h = new Host(HOST, "unix:///var/run/docker.sock", "testhost", "27.0.0", "1.46", "Debian", "6.1", null, null,
                false, true, "boot", List.of(), new FirewallCapture(iptables, null, nft, List.of()), sysctls);
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-01-01T00:00:00Z", "file", List.of(h),
                List.copyOf(namespaces.values()), interfaces, networks, containers, List.of());
    }

    static String nsOf(String containerName) {
        return HOST + "/ns/" + containerName + "-sandbox";
    }

    private NetInterface add(String ns, String name, InterfaceKind kind, List<String> addresses, String master,
            String peer) {
        NetInterface i = new NetInterface(ns + "/" + name, ns, name, interfaces.size() + 1, kind, null, 1500, "UP",
                addresses, master, peer, null, null, null);
        interfaces.add(i);
        return i;
    }
}

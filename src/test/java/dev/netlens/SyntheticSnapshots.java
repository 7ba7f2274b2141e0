package dev.netlens;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.List;

/** Big generated snapshots for sizing: hosts with bridges and many single-veth containers. */
public final class SyntheticSnapshots {
    private SyntheticSnapshots() {
    }

    public static TopologySnapshot bridges(int hosts, int bridgesPerHost, int containersPerHost) {
        List<Host> hs = new ArrayList<>();
        List<NetNamespace> nss = new ArrayList<>();
        List<NetInterface> ifs = new ArrayList<>();
        List<Network> nets = new ArrayList<>();
        List<Container> cs = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String host = "h" + h;
            hs.add(new Host(host, "unix:///h" + h, host, "27.0", "1.47", "linux", "6.1", null, null, false, true, null,
                    List.of(), null));
            String hostNs = host + "/host";
            nss.add(new NetNamespace(hostNs, host, NamespaceKind.HOST, "host", "/proc/1/ns/net", List.of()));
            for (int b = 0; b < bridgesPerHost; b++) {
                String br = hostNs + "/br" + b;
                ifs.add(new NetInterface(br, hostNs, "br-" + b, 100 + b, InterfaceKind.BRIDGE, null, 1500, "UP",
                        List.of("172." + (20 + b) + ".0.1/16"), null, null, null, null, null));
                nets.add(new Network("net" + b, host, "net" + b, "bridge", "local", false, false, false,
                        List.of(), List.of(), br, null, null, null, List.of(), List.of(), null));
            }
            for (int c = 0; c < containersPerHost; c++) {
                String ns = host + "/c" + c;
                String cid = host + "-ctr-" + c;
                nss.add(new NetNamespace(ns, host, NamespaceKind.CONTAINER, "c" + c, null, List.of(cid)));
                String eth = ns + "/eth0";
                String veth = hostNs + "/veth" + c;
                int b = c % bridgesPerHost;
                ifs.add(new NetInterface(eth, ns, "eth0", 2, InterfaceKind.VETH, null, 1500, "UP",
                        List.of("172." + (20 + b) + "." + (c / 250) + "." + (c % 250 + 2) + "/16"), null, veth, null, null, null));
                ifs.add(new NetInterface(veth, hostNs, "veth" + c, 1000 + c, InterfaceKind.VETH, null, 1500, "UP",
                        List.of(), hostNs + "/br" + b, eth, null, null, null));
                cs.add(new Container(cid, host, "app-" + c, "img:1", "running", "net" + b, ns,
                        List.of(new Endpoint("net" + b, "net" + b, null, null, null, List.of(), eth)),
                        c % 10 == 0 ? List.of(new PortMapping("0.0.0.0", 8000 + c, 80, "tcp")) : List.of(), null));
            }
        }
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2025-01-01T00:00:00Z", "file", hs, nss, ifs, nets, cs, List.of());
    }

    /**
     * Containers spread over many bridge networks, as a busy classroom server has them: networks
     * {@code j} live on host {@code j % hosts}; container {@code i} runs on host {@code i % hosts}
     * with its eth0 on one of that host's networks and {@code legs - 1} more legs on the next ones
     * (every third container only, when {@code legs} is 2, as real multi-homed containers are rarer).
     * Every namespace has its lo; every tenth container publishes a port.
     */
    public static TopologySnapshot networks(int hosts, int networks, int containers) {
        return networks(hosts, networks, containers, 2, true);
    }

    public static TopologySnapshot networks(int hosts, int networks, int containers, int legs, boolean loopbacks) {
        List<Host> hs = new ArrayList<>();
        List<NetNamespace> nss = new ArrayList<>();
        List<NetInterface> ifs = new ArrayList<>();
        List<Network> nets = new ArrayList<>();
        List<Container> cs = new ArrayList<>();
        int perHost = Math.max(1, networks / hosts);
        for (int h = 0; h < hosts; h++) {
            String host = "h" + h;
            hs.add(new Host(host, "unix:///h" + h, host, "27.0", "1.47", "linux", "6.1", null, null, false, true, null,
                    List.of(), null));
            String hostNs = host + "/host";
            nss.add(new NetNamespace(hostNs, host, NamespaceKind.HOST, "host", "/proc/1/ns/net", List.of()));
            ifs.add(new NetInterface(hostNs + "/eth0", hostNs, "eth0", 2, InterfaceKind.DEVICE, null, 1500, "UP",
                    List.of("192.0.2." + (h + 10) + "/24"), null, null, null, null, null));
            for (int k = 0; k < perHost; k++) {
                int b = h + k * hosts;
                String br = hostNs + "/br" + b;
                ifs.add(new NetInterface(br, hostNs, "br-net" + b, 100 + b, InterfaceKind.BRIDGE, null, 1500, "UP",
                        List.of(subnet(b) + ".0.1/16"), null, null, null, null, null));
                nets.add(new Network("net" + b, host, "net" + b, "bridge", "local", false, false, false,
                        List.of(subnet(b) + ".0.0/16"), List.of(), br, null, null, null, List.of(), List.of(), null));
            }
        }
        for (int c = 0; c < containers; c++) {
            int h = c % hosts;
            String host = "h" + h;
            String hostNs = host + "/host";
            String ns = host + "/c" + c;
            String cid = host + "-ctr-" + c;
            nss.add(new NetNamespace(ns, host, NamespaceKind.CONTAINER, "c" + c, null, List.of(cid)));
            if (loopbacks) {
                ifs.add(new NetInterface(ns + "/lo", ns, "lo", 1, InterfaceKind.LOOPBACK, null, 65536, "UNKNOWN",
                        List.of("127.0.0.1/8"), null, null, null, null, null));
            }
            int first = (c / hosts) % perHost;
            int n = legs == 2 ? (c % 3 == 0 ? 2 : 1) : legs;
            List<Endpoint> eps = new ArrayList<>();
            for (int leg = 0; leg < Math.min(n, perHost); leg++) {
                int b = h + ((first + leg) % perHost) * hosts;
                String eth = ns + "/eth" + leg;
                String veth = hostNs + "/veth" + c + "_" + leg;
                ifs.add(new NetInterface(eth, ns, "eth" + leg, 10 + leg, InterfaceKind.VETH, null, 1500, "UP",
                        List.of(subnet(b) + "." + (c / 250) + "." + (c % 250 + 2) + "/16"), null, veth, null, null, null));
                ifs.add(new NetInterface(veth, hostNs, "veth" + Integer.toHexString(0x1000000 + c * 16 + leg).substring(1),
                        1000 + c * 16 + leg, InterfaceKind.VETH, null, 1500, "UP", List.of(), hostNs + "/br" + b, eth,
                        null, null, null));
                eps.add(new Endpoint("net" + b, "net" + b, null, null, null, List.of(), eth));
            }
            cs.add(new Container(cid, host, "app-" + c, "img:1", "running", eps.get(0).network(), ns, eps,
                    c % 10 == 0 ? List.of(new PortMapping("0.0.0.0", 8000 + c, 80, "tcp")) : List.of(), null));
        }
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2025-01-01T00:00:00Z", "file", hs, nss, ifs, nets, cs, List.of());
    }

    private static String subnet(int b) {
        return "10." + (b % 250);
    }
}

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
                        c % 10 == 0 ? List.of(new PortMapping("0.0.0.0", 8000 + c, 80, "tcp")) : List.of()));
            }
        }
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2025-01-01T00:00:00Z", "file", hs, nss, ifs, nets, cs, List.of());
    }
}

package dev.netlens.trace;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The snapshot looked up by id, built once per snapshot so each trace is a few map lookups per hop. */
final class SnapshotIndex {
    final TopologySnapshot snapshot;
    private final Map<String, Host> hosts = new HashMap<>();
    private final Map<String, NetNamespace> namespaces = new HashMap<>();
    private final Map<String, NetInterface> interfaces = new HashMap<>();
    private final Map<String, List<NetInterface>> byNamespace = new HashMap<>();
    private final Map<String, List<NetInterface>> ports = new HashMap<>();
    private final Map<String, NetNamespace> hostNamespace = new HashMap<>();
    /** IPv4 address -> interfaces holding it (several: each host's docker0 has 172.17.0.1). */
    private final Map<Integer, List<NetInterface>> byAddress = new HashMap<>();
    private final Map<String, Network> byBridge = new HashMap<>();
    private final Map<String, Network> byVxlan = new HashMap<>();
    private final Map<String, Container> containers = new HashMap<>();

    SnapshotIndex(TopologySnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.hosts().forEach(h -> hosts.put(h.id(), h));
        for (NetNamespace n : snapshot.namespaces()) {
            namespaces.put(n.id(), n);
            if (n.kind() == NamespaceKind.HOST) {
                hostNamespace.putIfAbsent(n.host(), n);
            }
        }
        for (NetInterface i : snapshot.interfaces()) {
            interfaces.put(i.id(), i);
            byNamespace.computeIfAbsent(i.namespace(), k -> new ArrayList<>()).add(i);
            if (i.master() != null) {
                ports.computeIfAbsent(i.master(), k -> new ArrayList<>()).add(i);
            }
            for (String a : i.addresses()) {
                Integer v = Ipv4.parse(a);
                if (v != null) {
                    byAddress.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
                }
            }
        }
        for (Network n : snapshot.networks()) {
            if (n.bridge() != null) {
                byBridge.put(n.bridge(), n);
            }
            if (n.vxlan() != null) {
                byVxlan.put(n.vxlan(), n);
            }
        }
        snapshot.containers().forEach(c -> containers.put(c.id(), c));
    }

    Host host(String id) {
        return hosts.get(id);
    }

    NetNamespace namespace(String id) {
        return id == null ? null : namespaces.get(id);
    }

    NetInterface iface(String id) {
        return id == null ? null : interfaces.get(id);
    }

    List<NetInterface> interfacesIn(String namespaceId) {
        return byNamespace.getOrDefault(namespaceId, List.of());
    }

    /** The interfaces enslaved to a bridge (its ports). */
    List<NetInterface> portsOf(String bridgeId) {
        return ports.getOrDefault(bridgeId, List.of());
    }

    /** The host's own namespace, or null when it was not read. */
    NetNamespace hostNamespace(String hostId) {
        return hostNamespace.get(hostId);
    }

    List<NetInterface> holding(int address) {
        return byAddress.getOrDefault(address, List.of());
    }

    /** The interface of this namespace holding the address, or null. */
    NetInterface holding(int address, String namespaceId) {
        for (NetInterface i : holding(address)) {
            if (i.namespace().equals(namespaceId)) {
                return i;
            }
        }
        return null;
    }

    /** Whether the address is one of the namespace's own (127.0.0.0/8 counts when it has a loopback). */
    boolean isLocal(int address, String namespaceId) {
        if ((address >>> 24) == 127) {
            return interfacesIn(namespaceId).stream().anyMatch(i -> i.kind() == InterfaceKind.LOOPBACK)
                    || interfacesIn(namespaceId).isEmpty();
        }
        return holding(address, namespaceId) != null;
    }

    Network networkOfBridge(String bridgeId) {
        return byBridge.get(bridgeId);
    }

    Network networkOfVxlan(String vxlanId) {
        return byVxlan.get(vxlanId);
    }

    Container container(String id) {
        return containers.get(id);
    }

    /** The first IPv4 address of an interface (without prefix), or null. */
    static String firstIpv4(NetInterface i) {
        if (i == null) {
            return null;
        }
        for (String a : i.addresses()) {
            if (Ipv4.parse(a) != null) {
                return Ipv4.bare(a);
            }
        }
        return null;
    }

    /** The namespace a packet in this interface's namespace is in; the host's id for it. */
    String hostOf(NetInterface i) {
        NetNamespace ns = namespace(i.namespace());
        return ns == null ? null : ns.host();
    }
}

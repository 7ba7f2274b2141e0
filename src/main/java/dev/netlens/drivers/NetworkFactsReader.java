package dev.netlens.drivers;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.Peer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Reads one network's facts from the engine's options and the kernel's interfaces. */
final class NetworkFactsReader {
    static final String ICC = "com.docker.network.bridge.enable_icc";
    static final String MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
    private static final int VXLAN_DEFAULT_PORT = 4789;

    private NetworkFactsReader() {
    }

    static NetworkFacts read(Lookup lookup, Host host, Network n, Driver driver) {
        NetInterface device = lookup.iface(n.bridge() != null ? n.bridge() : n.parent());
        TreeSet<Integer> endpointMtus = new TreeSet<>();
        int members = 0;
        for (Container c : lookup.snapshot.containers()) {
            if (!host.id().equals(c.host())) {
                continue;
            }
            for (Endpoint e : c.endpoints()) {
                if (n.id().equals(e.network())) {
                    members++;
                    NetInterface inside = lookup.iface(e.interfaceId());
                    if (inside != null && inside.mtu() > 0) {
                        endpointMtus.add(inside.mtu());
                    }
                }
            }
        }
        boolean bridge = driver == Driver.BRIDGE;
        NetInterface vxlan = lookup.iface(n.vxlan());
        return new NetworkFacts(host.id(), host.name(), n.id(), n.name(), Driver.isDefaultBridge(n), n.internal(),
                device != null ? device.name() : parentName(n),
                device != null && device.mtu() > 0 ? device.mtu() : null,
                List.copyOf(endpointMtus),
                bridge ? flag(n.options(), ICC) : null,
                bridge ? !n.internal() && flag(n.options(), MASQUERADE) : null,
                mode(n.options(), driver),
                driver == Driver.OVERLAY ? vni(n, vxlan) : null,
                driver == Driver.OVERLAY ? (vxlan != null && vxlan.vxlanPort() != null ? vxlan.vxlanPort() : VXLAN_DEFAULT_PORT) : null,
                n.peers().stream().map(Peer::address).filter(Objects::nonNull)
                        .filter(a -> !a.equals(host.underlayAddress())).distinct().sorted().toList(),
                members);
    }

    /** Docker's bridge options default to true when absent. */
    private static boolean flag(Map<String, String> options, String key) {
        return !"false".equalsIgnoreCase(options.getOrDefault(key, "true"));
    }

    private static String parentName(Network n) {
        return n.options().get("parent");
    }

    private static String mode(Map<String, String> options, Driver driver) {
        return switch (driver) {
            case MACVLAN -> options.getOrDefault("macvlan_mode", "bridge");
            case IPVLAN -> options.getOrDefault("ipvlan_mode", "l2");
            default -> null;
        };
    }

    private static Integer vni(Network n, NetInterface vxlan) {
        if (n.vni() != null) {
            return n.vni();
        }
        if (vxlan != null && vxlan.vni() != null) {
            return vxlan.vni();
        }
        String list = n.options().get("com.docker.network.driver.overlay.vxlanid_list");
        try {
            return list == null ? null : Integer.valueOf(list.split(",")[0].trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

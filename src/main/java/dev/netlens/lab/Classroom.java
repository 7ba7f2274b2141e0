package dev.netlens.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lesson's network: the objects {@code netlens lab up} makes. Names start with "classroom-" so a
 * student can tell them apart in the drawing; the label, not the name, is what {@code down} trusts.
 */
final class Classroom {
    static final String LABEL_KEY = "dev.netlens.lab";
    static final String LABEL_VALUE = "classroom";
    static final String LABEL = LABEL_KEY + "=" + LABEL_VALUE;

    static final String USER_NET = "classroom-net";
    static final String MACVLAN_NET = "classroom-macvlan";
    static final String OVERLAY_NET = "classroom-overlay";
    /** The macvlan parent the lab makes itself, so no real interface (eth0) is ever used. */
    static final String VETH = "nlclass0";
    static final String VETH_PEER = "nlclass0p";
    /** TEST-NET-3 (RFC 5737): documentation-only addresses, clear of real networks and the test lab. */
    static final String MACVLAN_SUBNET = "203.0.113.0/24";
    static final String MACVLAN_GATEWAY = "203.0.113.1";

    private Classroom() {
    }

    static List<NetworkSpec> networks(boolean macvlan, boolean overlay) {
        List<NetworkSpec> out = new ArrayList<>();
        out.add(new NetworkSpec(USER_NET, "bridge", Map.of(), null, null, false));
        if (macvlan) {
            out.add(new NetworkSpec(MACVLAN_NET, "macvlan", Map.of("parent", VETH), MACVLAN_SUBNET, MACVLAN_GATEWAY, false));
        }
        if (overlay) {
            out.add(new NetworkSpec(OVERLAY_NET, "overlay", Map.of(), null, null, true));
        }
        return out;
    }

    static List<ContainerSpec> containers(boolean macvlan, boolean overlay) {
        List<ContainerSpec> out = new ArrayList<>(List.of(
                // "Container A/B/C on docker0"
                new ContainerSpec("classroom-a", "bridge", List.of()),
                new ContainerSpec("classroom-b", "bridge", List.of()),
                new ContainerSpec("classroom-c", "bridge", List.of()),
                // a user bridge: these two find each other by container name and by alias
                new ContainerSpec("classroom-web", USER_NET, List.of("web")),
                new ContainerSpec("classroom-db", USER_NET, List.of("db")),
                new ContainerSpec("classroom-host", "host", List.of()),
                new ContainerSpec("classroom-none", "none", List.of())));
        if (macvlan) {
            out.add(new ContainerSpec("classroom-mv", MACVLAN_NET, List.of()));
        }
        if (overlay) {
            out.add(new ContainerSpec("classroom-ov", OVERLAY_NET, List.of("ov")));
        }
        return out;
    }
}

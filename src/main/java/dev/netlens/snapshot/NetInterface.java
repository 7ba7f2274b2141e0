package dev.netlens.snapshot;

import java.util.List;

/**
 * A network interface as the kernel reports it inside one namespace.
 *
 * @param master the bridge this interface is enslaved to (an interface id), or null
 * @param peer the other end of a veth pair (an interface id, possibly in another namespace), or null
 * @param parent the lower device of a macvlan, ipvlan or vxlan (an interface id), or null
 * @param vni the VXLAN network identifier, for vxlan devices
 * @param vxlanPort the VXLAN UDP destination port, for vxlan devices
 */
public record NetInterface(
        String id,
        String namespace,
        String name,
        int ifindex,
        InterfaceKind kind,
        String mac,
        int mtu,
        String state,
        List<String> addresses,
        String master,
        String peer,
        String parent,
        Integer vni,
        Integer vxlanPort) {
    public NetInterface {
        addresses = Lists.copy(addresses);
    }

    public NetInterface withLinks(String newMaster, String newPeer, String newParent) {
        return new NetInterface(id, namespace, name, ifindex, kind, mac, mtu, state, addresses,
                newMaster, newPeer, newParent, vni, vxlanPort);
    }
}

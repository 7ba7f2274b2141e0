package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.InterfaceKind;
import java.util.List;

/**
 * One interface as {@code ip -j -d addr show} printed it inside one namespace.
 *
 * @param linkIndex the peer's (veth) or lower device's (macvlan, vlan) ifindex, or null
 * @param linkNetnsId the namespace id, as the reading namespace numbers it, where linkIndex lives;
 *     null when it lives in the same namespace
 * @param linkName the lower device's name when it is in the same namespace, or null
 * @param masterName the bridge it is enslaved to, by name (always in the same namespace)
 */
public record KernelLink(
        int ifindex,
        String name,
        InterfaceKind kind,
        String rawKind,
        String mac,
        int mtu,
        String operstate,
        List<String> addresses,
        String masterName,
        Integer linkIndex,
        Integer linkNetnsId,
        String linkName,
        Integer vni,
        Integer vxlanPort) {
    public KernelLink {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}

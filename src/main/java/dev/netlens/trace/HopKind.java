package dev.netlens.trace;

import java.util.Locale;

/** What happens to the packet at one hop. */
public enum HopKind {
    /** A routing decision in a namespace: which route, which interface, which next hop. */
    ROUTE,
    /** Crossing a veth pair from one end to the other (usually from one namespace to another). */
    VETH,
    /** Forwarding through a Linux bridge from one port to another (or up to the bridge itself). */
    BRIDGE,
    /** Encapsulation into, or out of, a VXLAN device between swarm nodes. */
    VXLAN,
    /** Through the underlay: the encapsulated packet travelling between the nodes' addresses. */
    UNDERLAY,
    /** A macvlan or ipvlan child sending through, or receiving from, its parent device. */
    MACVLAN,
    /** A netfilter chain traversed (a rule that matched, or the chain's policy). */
    NETFILTER,
    /** An address or port rewritten (DNAT, SNAT, MASQUERADE). */
    NAT,
    /** The loopback device: a packet to an address of its own namespace. */
    LOOPBACK,
    /** Arrival at the destination's socket (or where a socket would have to listen). */
    SOCKET;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}

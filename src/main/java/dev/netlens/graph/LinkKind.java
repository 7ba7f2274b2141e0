package dev.netlens.graph;

/** What an edge of the topology graph stands for; each comes from one fact in the snapshot. */
public enum LinkKind {
    /** The two ends of one veth pair (NetInterface.peer). */
    VETH,
    /** An interface enslaved to a bridge (NetInterface.master), interface to bridge. */
    BRIDGE_PORT,
    /** A macvlan/ipvlan/vxlan device on its lower device (NetInterface.parent). */
    PARENT,
    /** A VXLAN tunnel of an overlay between two underlay endpoints (Tunnel). */
    TUNNEL,
    /** A container to the interface carrying one of its endpoints (Endpoint.interfaceId). */
    ENDPOINT,
    /** A published port to its container (Container.ports). */
    PUBLISHED,
    /** A Docker network to the kernel device that implements it (Network.bridge/parent). */
    NETWORK_DEVICE
}

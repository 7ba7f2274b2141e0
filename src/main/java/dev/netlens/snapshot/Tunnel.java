package dev.netlens.snapshot;

/** A VXLAN tunnel of an overlay network between two swarm peers' underlay addresses. */
public record Tunnel(String network, String networkName, int vni, TunnelEnd from, TunnelEnd to) {
}

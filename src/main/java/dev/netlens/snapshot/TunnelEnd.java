package dev.netlens.snapshot;

/** One end of a VXLAN tunnel: an underlay address and, where Netlens knows it, its host. */
public record TunnelEnd(String host, String address) {
}

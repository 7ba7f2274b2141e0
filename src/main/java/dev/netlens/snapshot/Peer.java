package dev.netlens.snapshot;

/** A swarm node taking part in an overlay network, as the engine's verbose inspect lists it. */
public record Peer(String name, String address) {
}

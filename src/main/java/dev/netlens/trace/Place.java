package dev.netlens.trace;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.NetInterface;

/**
 * A resolved end of a trace.
 *
 * @param kind what it is
 * @param host the host id it is on (for an outside client, the host it arrives at)
 * @param namespace the namespace id (the host's own for HOST and CLIENT), or null when it has none
 * @param address its IPv4 address for this trace (no prefix), or null when the walk picks it
 * @param container the container, for CONTAINER
 * @param arrival for CLIENT, the host interface its packets arrive by
 */
record Place(Kind kind, String label, String host, String namespace, String address, Container container,
        NetInterface arrival) {
    enum Kind { CONTAINER, HOST, CLIENT }

    Place withAddress(String newAddress) {
        return new Place(kind, label, host, namespace, newAddress, container, arrival);
    }
}

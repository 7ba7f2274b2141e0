package dev.netlens.drivers;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.HashMap;
import java.util.Map;

/** Indexes a snapshot once: networks are per host (an overlay appears once per node), interfaces by id. */
final class Lookup {
    private final Map<String, Network> networks = new HashMap<>();
    private final Map<String, NetInterface> interfaces = new HashMap<>();
    final TopologySnapshot snapshot;

    Lookup(TopologySnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.networks().forEach(n -> networks.put(n.host() + "\n" + n.id(), n));
        snapshot.interfaces().forEach(i -> interfaces.put(i.id(), i));
    }

    Network network(String host, String id) {
        return networks.get(host + "\n" + id);
    }

    NetInterface iface(String id) {
        return id == null ? null : interfaces.get(id);
    }

    boolean uses(Container c, Driver driver) {
        // A host- or none-mode container may come without an endpoint (older engines): its mode says enough.
        if (driver == Driver.HOST && "host".equals(c.networkMode())
                || driver == Driver.NONE && "none".equals(c.networkMode())) {
            return true;
        }
        for (Endpoint e : c.endpoints()) {
            if (Driver.of(network(c.host(), e.network())).orElse(null) == driver) {
                return true;
            }
        }
        return false;
    }
}

package dev.netlens.discovery.engine;

import dev.netlens.snapshot.Peer;
import dev.netlens.snapshot.ServiceRecord;
import java.util.List;
import java.util.Map;

/** A network as the engine's verbose inspect reports it. */
public record EngineNetwork(
        String id,
        String name,
        String driver,
        String scope,
        boolean internal,
        boolean attachable,
        boolean ingress,
        List<String> subnets,
        List<String> gateways,
        Map<String, String> options,
        List<Peer> peers,
        List<ServiceRecord> services) {
    public EngineNetwork {
        subnets = List.copyOf(subnets);
        gateways = List.copyOf(gateways);
        options = Map.copyOf(options);
        peers = List.copyOf(peers);
        services = List.copyOf(services);
    }

    /** The option naming this network's Linux bridge or macvlan parent, or null. */
    public String option(String key) {
        return options.get(key);
    }
}

package dev.netlens.discovery;

import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.Peer;
import dev.netlens.snapshot.Tunnel;
import dev.netlens.snapshot.TunnelEnd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One VXLAN tunnel per pair of an overlay's peers, as the engines list them. A network seen from
 * several engines of one swarm is the same network: its peers are merged, not doubled.
 */
final class TunnelBuilder {
    private TunnelBuilder() {
    }

    static List<Tunnel> tunnels(List<Host> hosts, List<Network> networks) {
        Map<String, String> hostByUnderlay = new HashMap<>();
        for (Host host : hosts) {
            if (host.underlayAddress() != null) {
                hostByUnderlay.put(host.underlayAddress(), host.id());
            }
        }
        Map<String, Map<String, Peer>> peersByNetwork = new TreeMap<>();
        Map<String, Network> sample = new HashMap<>();
        for (Network network : networks) {
            if (!"overlay".equals(network.driver())) {
                continue;
            }
            Map<String, Peer> peers = peersByNetwork.computeIfAbsent(network.id(), k -> new TreeMap<>());
            network.peers().forEach(p -> peers.putIfAbsent(p.address(), p));
            Network known = sample.get(network.id());
            if (known == null || (known.vni() == null && network.vni() != null)) {
                sample.put(network.id(), network);
            }
        }
        List<Tunnel> tunnels = new ArrayList<>();
        peersByNetwork.forEach((networkId, peers) -> {
            Network network = sample.get(networkId);
            if (network.vni() == null) {
                return; // no VNI known: nothing the kernel or engine reported to draw
            }
            List<Peer> list = new ArrayList<>(peers.values());
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Peer a = list.get(i);
                    Peer b = list.get(j);
                    if (hostByUnderlay.get(a.address()) == null && hostByUnderlay.get(b.address()) != null) {
                        Peer swap = a;
                        a = b;
                        b = swap;
                    }
                    tunnels.add(new Tunnel(networkId, network.name(), network.vni(),
                            new TunnelEnd(hostByUnderlay.get(a.address()), a.address()),
                            new TunnelEnd(hostByUnderlay.get(b.address()), b.address())));
                }
            }
        });
        return tunnels;
    }
}

package dev.netlens.drivers;

import java.util.List;

/**
 * What one host shows about one network of a driver. Fields that do not apply to the driver are null.
 *
 * @param device the bridge (bridge, overlay br0) or parent (macvlan, ipvlan) interface name, or null
 * @param deviceMtu that device's MTU as the kernel reports it, or null when not read
 * @param endpointMtus distinct MTUs of the containers' interfaces on this network, ascending
 * @param icc whether containers on a bridge may talk to each other (enable_icc, default true)
 * @param masquerade whether traffic leaving a bridge is NATed to the host (enable_ip_masquerade, default
 *     true; never on an internal network)
 * @param mode macvlan_mode / ipvlan_mode, with Docker's defaults (bridge, l2)
 * @param remotePeers underlay addresses of the other swarm nodes on an overlay
 */
public record NetworkFacts(
        String hostId,
        String hostName,
        String networkId,
        String name,
        boolean defaultBridge,
        boolean internal,
        String device,
        Integer deviceMtu,
        List<Integer> endpointMtus,
        Boolean icc,
        Boolean masquerade,
        String mode,
        Integer vni,
        Integer vxlanPort,
        List<String> remotePeers,
        int containers) {
    public NetworkFacts {
        endpointMtus = List.copyOf(endpointMtus);
        remotePeers = List.copyOf(remotePeers);
    }
}

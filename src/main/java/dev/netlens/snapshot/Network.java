package dev.netlens.snapshot;

import java.util.List;
import java.util.Map;

/**
 * A Docker network as one engine sees it, tied to what the kernel built for it.
 *
 * @param id the engine's full network id
 * @param driver the driver as the engine names it (bridge, overlay, macvlan, host, null, ...)
 * @param bridge the Linux bridge carrying it (an interface id), or null
 * @param vxlan the VXLAN device on an overlay's bridge (an interface id), or null
 * @param parent the parent device of a macvlan/ipvlan network (an interface id), or null
 * @param options the driver options the engine reports (never container environment)
 */
public record Network(
        String id,
        String host,
        String name,
        String driver,
        String scope,
        boolean internal,
        boolean attachable,
        boolean ingress,
        List<String> subnets,
        List<String> gateways,
        String bridge,
        String vxlan,
        String parent,
        Integer vni,
        List<Peer> peers,
        List<ServiceRecord> services,
        Map<String, String> options) {
    public Network {
        subnets = Lists.copy(subnets);
        gateways = Lists.copy(gateways);
        peers = Lists.copy(peers);
        services = Lists.copy(services);
        options = Lists.copy(options);
    }
}

package dev.netlens.snapshot;

import java.util.List;

/**
 * Everything discovery saw in one pass over one or more engines. Immutable: discovery builds it,
 * everyone else reads it.
 *
 * @param capturedAt ISO-8601 instant of the capture
 * @param source where it came from: "live", "file" or "demo"
 */
public record TopologySnapshot(
        String schema,
        String capturedAt,
        String source,
        List<Host> hosts,
        List<NetNamespace> namespaces,
        List<NetInterface> interfaces,
        List<Network> networks,
        List<Container> containers,
        List<Tunnel> tunnels) {
    public static final String SCHEMA = "netlens.topology/v1";

    public TopologySnapshot {
        hosts = Lists.copy(hosts);
        namespaces = Lists.copy(namespaces);
        interfaces = Lists.copy(interfaces);
        networks = Lists.copy(networks);
        containers = Lists.copy(containers);
        tunnels = Lists.copy(tunnels);
    }

    public TopologySnapshot withSource(String newSource) {
        return new TopologySnapshot(schema, capturedAt, newSource, hosts, namespaces, interfaces, networks,
                containers, tunnels);
    }

    /** The container whose network stack {@code c} shares ({@code container:REF}) on its host, if it is here. */
    public java.util.Optional<Container> networkOwner(Container c) {
        return Container.sharedNetworkRef(c.networkMode()).flatMap(ref -> containers.stream()
                .filter(o -> o != c && java.util.Objects.equals(o.host(), c.host()) && Container.refersTo(ref, o.id(), o.name()) > 0)
                .max(java.util.Comparator.comparingInt(o -> Container.refersTo(ref, o.id(), o.name()))));
    }
}

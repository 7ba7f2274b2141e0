package dev.netlens.snapshot;

import java.util.List;

/**
 * A network namespace on a host: the host's own, a container sandbox, or one Docker keeps for
 * overlays, ingress and load balancing.
 *
 * @param name the namespace file's name under Docker's netns folder, or "host"
 * @param path the namespace file Netlens read, or null when it was not read
 * @param containers full ids of the containers living in it (several for {@code container:} members)
 * @param routes its main routing table, or null when it was not read (an API-only host, an old file)
 */
public record NetNamespace(String id, String host, NamespaceKind kind, String name, String path, List<String> containers,
        List<Route> routes) {
    public NetNamespace {
        containers = Lists.copy(containers);
        routes = routes == null ? null : List.copyOf(routes);
    }

    /** A namespace whose routes were not read. */
    public NetNamespace(String id, String host, NamespaceKind kind, String name, String path, List<String> containers) {
        this(id, host, kind, name, path, containers, null);
    }

    public NetNamespace withContainers(List<String> newContainers) {
        return new NetNamespace(id, host, kind, name, path, newContainers, routes);
    }
}

package dev.netlens.discovery.kernel;

import java.util.List;

/**
 * The interfaces and main routing table read inside one network namespace.
 *
 * @param name the namespace file's name, or "host" for the engine's own namespace
 * @param path the file Netlens entered
 * @param routes its main routing table, or null when ip printed none
 */
public record NamespaceDump(String name, String path, List<KernelLink> links, List<KernelRoute> routes) {
    public NamespaceDump {
        links = List.copyOf(links);
        routes = routes == null ? null : List.copyOf(routes);
    }

    /** A namespace whose routes were not read. */
    public NamespaceDump(String name, String path, List<KernelLink> links) {
        this(name, path, links, null);
    }
}

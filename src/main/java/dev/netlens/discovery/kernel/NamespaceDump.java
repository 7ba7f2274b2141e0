package dev.netlens.discovery.kernel;

import java.util.List;

/**
 * The interfaces read inside one network namespace.
 *
 * @param name the namespace file's name, or "host" for the engine's own namespace
 * @param path the file Netlens entered
 */
public record NamespaceDump(String name, String path, List<KernelLink> links) {
    public NamespaceDump {
        links = List.copyOf(links);
    }
}

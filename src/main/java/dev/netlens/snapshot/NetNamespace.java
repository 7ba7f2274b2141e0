package dev.netlens.snapshot;

import java.util.List;

/**
 * A network namespace on a host: the host's own, a container sandbox, or one Docker keeps for
 * overlays, ingress and load balancing.
 *
 * @param name the namespace file's name under Docker's netns folder, or "host"
 * @param path the namespace file Netlens read, or null when it was not read
 * @param containers full ids of the containers living in it (several for {@code container:} members)
 */
public record NetNamespace(String id, String host, NamespaceKind kind, String name, String path, List<String> containers) {
    public NetNamespace {
        containers = Lists.copy(containers);
    }
}

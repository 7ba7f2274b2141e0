package dev.netlens.lab;

import java.util.List;

/**
 * A container of the lesson.
 *
 * @param network "bridge" (the default docker0), "host", "none" or a lab network's name
 * @param aliases extra DNS names on that network (user networks only)
 */
record ContainerSpec(String name, String network, List<String> aliases) {
    ContainerSpec {
        aliases = List.copyOf(aliases);
    }

    /** host and none containers take neither a hostname nor DNS servers (the engine refuses them). */
    boolean ownNamespace() {
        return !"host".equals(network);
    }

    boolean usesDns() {
        return !"host".equals(network) && !"none".equals(network);
    }
}

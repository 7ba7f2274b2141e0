package dev.netlens.discovery.engine;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.PortMapping;
import java.util.List;
import java.util.Map;

/**
 * A container as the engine's inspect reports it (never its environment).
 *
 * @param sandboxKey the namespace file of its sandbox ("" for container: members and never-started ones)
 * @param pid its init process, 0 when not running
 * @param labels its grouping labels only (dev.netlens.snapshot.Container#GROUPING_LABELS), never the others
 */
public record EngineContainer(
        String id,
        String name,
        String image,
        String state,
        long pid,
        String networkMode,
        String sandboxKey,
        List<Endpoint> endpoints,
        List<PortMapping> ports,
        Map<String, String> labels) {
    public EngineContainer {
        endpoints = List.copyOf(endpoints);
        ports = List.copyOf(ports);
        labels = Container.groupingLabels(labels);
    }
}

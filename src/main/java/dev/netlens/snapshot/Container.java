package dev.netlens.snapshot;

import java.util.List;

/**
 * A container and its networking. Environment variables are deliberately absent: Netlens never
 * stores, shows or exports them.
 *
 * @param state the engine's status word: running, created, exited, paused, ...
 * @param networkMode the engine's network mode: bridge, host, none, container:ID or a network name
 * @param namespace the namespace it lives in (an id), or null when it has none (not running)
 */
public record Container(
        String id,
        String host,
        String name,
        String image,
        String state,
        String networkMode,
        String namespace,
        List<Endpoint> endpoints,
        List<PortMapping> ports) {
    public Container {
        endpoints = Lists.copy(endpoints);
        ports = Lists.copy(ports);
    }

    public boolean running() {
        return "running".equals(state);
    }
}

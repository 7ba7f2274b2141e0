package dev.netlens.snapshot;

import java.util.List;

/**
 * A name the embedded DNS resolves on an overlay network for a swarm service.
 *
 * @param vip the service's virtual IP on this network, or null (DNS round robin)
 */
public record ServiceRecord(String name, String vip, List<String> ports, List<ServiceTask> tasks) {
    public ServiceRecord {
        ports = Lists.copy(ports);
        tasks = Lists.copy(tasks);
    }
}

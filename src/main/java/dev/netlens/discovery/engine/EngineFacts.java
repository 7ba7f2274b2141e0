package dev.netlens.discovery.engine;

import java.util.List;

/**
 * All the engine API said in one pass.
 *
 * @param problems what went wrong but was skipped (a container vanished mid-scan, say)
 */
public record EngineFacts(EngineInfo info, List<EngineNetwork> networks, List<EngineContainer> containers, List<String> problems) {
    public EngineFacts {
        networks = List.copyOf(networks);
        containers = List.copyOf(containers);
        problems = List.copyOf(problems);
    }
}

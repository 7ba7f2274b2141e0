package dev.netlens.discovery;

import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;

/** A snapshot of the engines that answered, and the engines that did not. */
public record DiscoveryResult(TopologySnapshot snapshot, List<EngineFailure> failures) {
    public DiscoveryResult {
        failures = List.copyOf(failures);
    }
}

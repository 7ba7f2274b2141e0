package dev.netlens.live;

import dev.netlens.discovery.EngineFailure;
import dev.netlens.snapshot.TopologySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the live topology hands to its viewers: an immutable snapshot, which hosts in it are stale
 * (their engine is gone; the picture is the last one seen), and when each engine was last read.
 *
 * @param staleHosts host ids whose engine does not answer
 * @param lastRefreshed engine endpoint to the time it was last read successfully
 */
public record LiveUpdate(TopologySnapshot snapshot, Set<String> staleHosts, List<EngineFailure> failures,
        Map<String, Instant> lastRefreshed) {
    public LiveUpdate {
        staleHosts = Set.copyOf(staleHosts);
        failures = List.copyOf(failures);
        lastRefreshed = Map.copyOf(lastRefreshed);
    }
}

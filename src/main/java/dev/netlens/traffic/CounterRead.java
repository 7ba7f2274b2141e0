package dev.netlens.traffic;

import java.util.List;
import java.util.Map;

/**
 * One pass over every host's interface counters.
 *
 * @param samples by the snapshot's interface id ({@code NetInterface.id}: namespace id, "/", name)
 * @param unavailable host id to why its counters cannot be read at all (not root, a remote engine)
 * @param problems namespaces that could not be read this time, one line each
 */
public record CounterRead(Map<String, CounterSample> samples, Map<String, String> unavailable, List<String> problems) {
    public CounterRead {
        samples = Map.copyOf(samples);
        unavailable = Map.copyOf(unavailable);
        problems = List.copyOf(problems);
    }
}

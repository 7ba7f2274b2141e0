package dev.netlens.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rates of one sampling tick, immutable, handed from the sampler's thread to whoever shows them.
 *
 * @param sequence counts ticks from 1 (0: {@link #EMPTY})
 * @param interval the sampling interval the rates were measured over (about)
 * @param rates by the snapshot's interface id; an interface sampled for the first time has none yet
 * @param history the recent rates of the interfaces that moved in the window (quiet ones are absent: flat)
 * @param unavailable host id to why its rates cannot be read (not root, a remote engine)
 * @param problems namespaces that could not be read this tick, one line each
 */
public record RateSnapshot(long sequence, Duration interval, Map<String, InterfaceRate> rates,
        Map<String, Series> history, Map<String, String> unavailable, List<String> problems) {
    public static final RateSnapshot EMPTY = new RateSnapshot(0, Duration.ZERO, Map.of(), Map.of(), Map.of(), List.of());

    public RateSnapshot {
        rates = Map.copyOf(rates);
        history = Map.copyOf(history);
        unavailable = Map.copyOf(unavailable);
        problems = List.copyOf(problems);
    }

    public InterfaceRate rate(String interfaceId) {
        return rates.get(interfaceId);
    }

    public Series series(String interfaceId) {
        return history.getOrDefault(interfaceId, Series.EMPTY);
    }
}

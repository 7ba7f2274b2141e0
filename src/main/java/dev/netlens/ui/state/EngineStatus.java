package dev.netlens.ui.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the status bar says about the engines beyond the snapshot itself.
 *
 * @param failures one message per engine that could not be read at all
 * @param lastRefreshed engine endpoint to when it was last read
 */
public record EngineStatus(List<String> failures, Map<String, Instant> lastRefreshed) {
    public static final EngineStatus NONE = new EngineStatus(List.of(), Map.of());

    public EngineStatus {
        failures = List.copyOf(failures);
        lastRefreshed = Map.copyOf(lastRefreshed);
    }
}

package dev.netlens.lab;

import java.util.List;

/**
 * What {@code up} or {@code down} did.
 *
 * @param done one line per object made, started, kept or removed
 * @param skipped parts of the lesson left out, each with the reason (macvlan when not root, ...)
 */
public record LabReport(String endpoint, List<String> done, List<String> skipped) {
    public LabReport {
        done = List.copyOf(done);
        skipped = List.copyOf(skipped);
    }
}

package dev.netlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Appends measurements to the run's results file (JSON lines), the one format every producer of
 * figures writes: bench/run.sh for whole processes, the Java benches for in-JVM figures. A line is
 * {@code {"metric": NAME, "scale": TAG, "unit": UNIT, "samples": [...]}} or
 * {@code {"meta": NAME, ...facts}}. {@link BenchReport} turns the file into docs/benchmarks.md.
 */
final class Results {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    void metric(String metric, String scale, String unit, List<? extends Number> samples) {
        ObjectNode line = JSON.createObjectNode();
        line.put("metric", metric);
        line.put("scale", scale);
        line.put("unit", unit);
        ArrayNode values = line.putArray("samples");
        samples.forEach(v -> values.add(v.doubleValue()));
        append(line);
    }

    void meta(String name, Map<String, ?> facts) {
        ObjectNode line = JSON.createObjectNode();
        line.put("meta", name);
        facts.forEach((k, v) -> line.set(k, JSON.valueToTree(v)));
        append(line);
    }

    private synchronized void append(ObjectNode line) {
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

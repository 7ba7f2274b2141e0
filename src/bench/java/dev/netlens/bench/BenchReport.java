package dev.netlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes docs/benchmarks.md from one run's results file (see {@link Results}): every figure with its
 * baseline from the same run, the ratio, the goal and pass/miss, and for each miss its cause as
 * the run's own phase timings show it. Figures still to be measured keep their row with the reason.
 *
 * <p>To add a figure: make a producer append {@code metric} lines (a Java bench under src/bench/java
 * or a step in bench/run.sh), then add a row in {@link #rows()}; a row whose metric is absent from
 * the results is printed as "not measured in this run".
 *
 * <pre>java -cp target/bench-classes:target/netlens.jar dev.netlens.bench.BenchReport RESULTS REPORT</pre>
 */
public final class BenchReport {
    private final Map<String, Map<String, Series>> metrics = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> metas = new LinkedHashMap<>();

    /** The samples of one metric at one scale; several lines of the same metric are merged. */
    record Series(String unit, List<Double> samples) {
        double median() {
            List<Double> sorted = samples.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        String describe() {
            if (samples.size() == 1) {
                return num(median()) + " " + unit + " (n=1)";
            }
            return num(median()) + " " + unit + " (" + num(min()) + "–" + num(max()) + ", n=" + samples.size() + ")";
        }
    }

    /** A goal: the measured value (or ratio to the baseline) must stay at or under {@code limit}. */
    record Goal(boolean ratio, double limit, String unit, String source) {
        static Goal ratioAtMost(double limit, String source) {
            return new Goal(true, limit, "x", source);
        }

        static Goal atMost(double limit, String unit, String source) {
            return new Goal(false, limit, unit, source);
        }

        String describe() {
            return (ratio ? "≤ " + num(limit) + "x" : "< " + num(limit) + " " + unit) + " (" + source + ")";
        }

        boolean met(double value) {
            return ratio ? value <= limit : value < limit;
        }
    }

    /**
     * One line of the table. {@code metric} null means not measurable yet, and {@code note} says why.
     */
    record Row(String section, String figure, String scale, String workload, String metric, String baseline,
            String baselineName, List<Goal> goals, String note) {
    }

    BenchReport(List<JsonNode> lines) {
        for (JsonNode line : lines) {
            if (line.has("metric")) {
                Series series = metrics.computeIfAbsent(line.get("metric").asText(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(line.get("scale").asText(),
                                k -> new Series(line.get("unit").asText(), new ArrayList<>()));
                line.get("samples").forEach(v -> series.samples().add(v.asDouble()));
            } else if (line.has("meta")) {
                metas.computeIfAbsent(line.get("meta").asText(), k -> new ArrayList<>()).add(line);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!text.isBlank()) {
                lines.add(Results.JSON.readTree(text));
            }
        }
        Files.writeString(Path.of(args[1]), new BenchReport(lines).render(), StandardCharsets.UTF_8);
    }

    Optional<Series> series(String metric, String scale) {
        return Optional.ofNullable(metrics.getOrDefault(metric, Map.of()).get(scale));
    }

    private double median(String metric, String scale) {
        return series(metric, scale).map(Series::median).orElse(Double.NaN);
    }

    private List<String> scales() {
        return metas.getOrDefault("workload", List.of()).stream().map(m -> m.get("scale").asText()).toList();
    }

    private String workload(String scale) {
        for (JsonNode m : metas.getOrDefault("workload", List.of())) {
            if (m.get("scale").asText().equals(scale)) {
                return m.get("benchContainers").asText() + " containers / " + m.get("benchNetworks").asText() + " networks";
            }
        }
        return scale;
    }

    private String largestScale() {
        List<String> all = scales();
        return all.isEmpty() ? "500" : all.get(all.size() - 1);
    }

    /** Every figure of issue 6, measured or not. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String parallel = "bare collection, 4 in parallel";
        for (String scale : scales()) {
            List<Goal> exportGoals = new ArrayList<>(List.of(Goal.ratioAtMost(1.5, "issue 6")));
            if (scale.equals("200")) {
                exportGoals.add(Goal.ratioAtMost(2, "issue 2"));
            }
            rows.add(new Row("discovery", "full discovery, `netlens export --format json` (whole process)", scale,
                    workload(scale), "export_process", "baseline_par", parallel, exportGoals, null));
            rows.add(new Row("discovery", "full discovery in the JVM after warm-up (`Discovery.discover`)", scale,
                    workload(scale), "jvm_discovery", "baseline_par", parallel, List.of(Goal.ratioAtMost(1.5, "issue 6")),
                    null));
        }
        String big = largestScale();
        rows.add(new Row("discovery", "heap after discovery, used after full GC holding the snapshot", big, workload(big),
                "heap_used_after_gc", null, null, List.of(Goal.atMost(300, "MB", "issue 6")), heapNote(big)));
        rows.add(new Row("discovery", "incremental refresh after one change", big, workload(big), null, null,
                "a full rediscovery", List.of(Goal.ratioAtMost(0.2, "issue 6")),
                "not implemented yet: Netlens has no incremental discovery; every refresh is a full "
                        + "`Discovery.discover` (" + num(median("jvm_discovery", big)) + " ms warm at this size, above). "
                        + "The row stays until the owner of discovery adds the incremental path."));
        rows.add(new Row("discovery", "CPU while idle, events on, resync at the default period", "200",
                workload("200"), null, null, null, List.of(Goal.atMost(2, "% of one core", "issue 6")),
                "not measurable yet: the live window (event stream + periodic resync) does not exist."));
        String ui = "not in the harness yet: UI figure, to be added by the UI's owner (see bench/README.md).";
        rows.add(new Row("ui", "start event -> node on the canvas (p50, p95 over 100 starts)", "-", "100 starts", null,
                null, "the engine's event time stamp", List.of(Goal.atMost(300, "ms p95", "issue 6")), ui));
        rows.add(new Row("ui", "layout of 2,000 nodes / 3,000 links", "-", "synthetic snapshot", null, null, null,
                List.of(Goal.atMost(1000, "ms", "issue 6")), ui));
        rows.add(new Row("ui", "frame time while panning/zooming that graph (headless pulse timing)", "-",
                "synthetic snapshot", null, null, "an empty scene", List.of(Goal.atMost(16, "ms", "issue 6")), ui));
        rows.add(new Row("ui", "PNG 2x and SVG export of that graph", "-", "synthetic snapshot", null, null, null,
                List.of(Goal.atMost(2000, "ms each", "issue 6")), ui));
        rows.add(new Row("ui", "app start to first drawn frame", "-", "-", null, null, "a JavaFX window with one label",
                List.of(Goal.atMost(2500, "ms", "issue 6")), ui));
        return rows;
    }

    private String heapNote(String scale) {
        StringBuilder note = new StringBuilder();
        series("heap_retained_by_snapshot", scale).ifPresent(s -> note.append("of which the discovery left behind "
                + "(snapshot, caches): ").append(s.describe()).append("; heap before discovery: ")
                .append(series("heap_before_discovery", scale).map(Series::describe).orElse("?")));
        metas.getOrDefault("heap", List.of()).stream().findFirst().ifPresent(m -> note.append("; ")
                .append(m.get("gc").get(0).asText().replace(" Young Generation", "")).append(", default max heap ")
                .append(num(m.get("maxHeapMb").asDouble())).append(" MB; a fresh JVM per sample"));
        return note.toString();
    }

    String render() {
        StringBuilder md = new StringBuilder();
        JsonNode machine = metas.getOrDefault("machine", List.of()).stream().findFirst().orElse(null);
        String busy = "";
        md.append("# Benchmarks\n\n");
        md.append("Written by `bash bench/run.sh` (issue 6); do not edit by hand, run it again. Every figure below "
                + "comes from one run of that command, its baseline measured in the same run, interleaved round by "
                + "round with it. Values are medians, with the spread (min–max) and the number of runs.\n\n");
        if (machine != null) {
            md.append("| machine | |\n|---|---|\n");
            md.append("| date | ").append(machine.path("date").asText()).append(" |\n");
            md.append("| cores | ").append(machine.path("cores").asText()).append(" (")
                    .append(machine.path("cpu").asText()).append(") |\n");
            md.append("| memory | ").append(machine.path("memory").asText()).append(" |\n");
            md.append("| OS, kernel | ").append(machine.path("os").asText()).append(", ")
                    .append(machine.path("kernel").asText()).append(" |\n");
            md.append("| engine | Docker ").append(machine.path("engine").asText()).append(" |\n");
            md.append("| Java | ").append(machine.path("java").asText()).append(" |\n");
            md.append("| code | ").append(machine.path("commit").asText()).append(" |\n");
            md.append("| runs | ").append(machine.path("rounds").asText()).append(" measured rounds per figure, ")
                    .append(machine.path("warmup").asText()).append(" warm-up discoveries for the in-JVM figures |\n");
            md.append("| load average at start | ").append(machine.path("load").asText()).append(" |\n");
            double load = Double.parseDouble(machine.path("load").asText("0 0 0").split(" ")[0]);
            int cores = machine.path("cores").asInt(1);
            if (load > cores) {
                busy = String.format(Locale.ROOT, "**The machine was busy during this run** (load %s on %d cores, from "
                        + "other work on it): timings are inflated and spread wide, the short-lived processes of the "
                        + "baseline and of the export more than the warm JVM. Ratios near a goal can fall either "
                        + "side of it from one run to the next; run it again on a quiet machine before reading a "
                        + "pass or a miss close to its limit.\n\n", num(load), cores);
            }
            metas.getOrDefault("duration", List.of()).stream().findFirst().ifPresent(d ->
                    md.append("| harness run time | ").append(d.path("seconds").asText()).append(" s |\n"));
            md.append('\n');
        }

        md.append(busy);
        md.append("## Figures\n\n");
        md.append("| figure | workload | Netlens | baseline | ratio | goal | result | cause of a miss, or note |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        String section = null;
        for (Row row : rows()) {
            if (!row.section().equals(section)) {
                section = row.section();
                md.append("| **").append(section.equals("ui") ? "User interface" : "Discovery").append("** | | | | | | | |\n");
            }
            md.append(renderRow(row)).append('\n');
        }
        md.append('\n');
        md.append("Ratios are median over median. \"Bare collection\" is `bench/baseline.sh`: the same engine API "
                + "calls Netlens makes, by curl on the engine's socket (one curl per list, reusing its connections), "
                + "then one `ip -j -d addr show` in the engine's namespace and one `nsenter --net=FILE ip -j -d addr "
                + "show` per namespace file, with 4 at a time as Netlens's discovery pool (the sequential ratio is "
                + "in the next section). It does not parse or join anything, and does not read the firewall, which "
                + "Netlens does (`iptables-save`, `ip6tables-save`, `nft -j list ruleset`; timed apart below).\n\n");

        md.append("## Where the time goes\n\n");
        md.append("Medians in ms. The in-JVM phases are the same pass as `Discovery.discover`, timed piece by piece with "
                + "the same public classes and a pool of 4 (`DiscoveryBench.phases`); kernel includes the firewall "
                + "capture. The JVM start floor is `java -jar target/netlens.jar --version`: "
                + series("jvm_start", "-").map(Series::describe).orElse("not measured") + ".\n\n");
        md.append("| workload | seen by Netlens | export process | export with AppCDS archive | JVM start floor "
                + "| first-pass cost | warm discovery | API | kernel + firewall | assembly | JSON | classes loaded "
                + "| cold pass in a fresh JVM: API / kernel / assembly / JSON "
                + "| baseline 4 parallel: total / API / ip | sequential: total / API / ip | firewall commands "
                + "| warm ratio vs sequential |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String scale : scales()) {
            double export = median("export_process", scale);
            double start = median("jvm_start", "-");
            double warm = median("jvm_discovery", scale);
            md.append("| ").append(workload(scale)).append(" | ").append(seen(scale)).append(" | ")
                    .append(num(export)).append(" | ").append(num(median("export_process_appcds", scale))).append(" | ")
                    .append(num(start)).append(" | ").append(num(export - start - warm)).append(" | ")
                    .append(num(warm)).append(" | ").append(num(median("phase_api", scale))).append(" | ")
                    .append(num(median("phase_kernel", scale))).append(" | ")
                    .append(num(median("phase_assemble", scale))).append(" | ")
                    .append(num(median("phase_json", scale))).append(" | ")
                    .append(num(median("export_classes_loaded", scale))).append(" | ")
                    .append(num(median("cold_phase_api", scale))).append(" / ")
                    .append(num(median("cold_phase_kernel", scale))).append(" / ")
                    .append(num(median("cold_phase_assemble", scale))).append(" / ")
                    .append(num(median("cold_phase_json", scale))).append(" | ")
                    .append(num(median("baseline_par", scale))).append(" / ").append(num(median("baseline_par_api", scale)))
                    .append(" / ").append(num(median("baseline_par_kernel", scale))).append(" | ")
                    .append(num(median("baseline_seq", scale))).append(" / ").append(num(median("baseline_seq_api", scale)))
                    .append(" / ").append(num(median("baseline_seq_kernel", scale))).append(" | ")
                    .append(num(median("firewall", scale))).append(" | ")
                    .append(ratio(warm, median("baseline_seq", scale))).append(" |\n");
        }
        md.append("\n\"First-pass cost\" is export process − JVM start floor − warm discovery: what the one-shot export "
                + "pays for loading and initialising its classes and running them cold (interpreted, then JIT-"
                + "compiled). \"Export with AppCDS archive\" is a diagnostic, not a figure: the same export with "
                + "`-XX:SharedArchiveFile` made from one export, which shows how much of that cost is class loading.\n\n");

        md.append("## Method\n\n");
        md.append("- Workloads: `bench/workload.sh` starts busybox containers (`netlens/busybox:bench`, a tag of the lab's "
                + "`netlens/busybox:lab`, running `sleep infinity`) round-robin on user bridge networks with subnets in "
                + "198.19.0.0/16, all labelled `netlens.bench=1`; it grows 50/5 → 200/20 → 500/50 and removes "
                + "only what carries that label (also at start, for leftovers). Whatever else runs on the engine (the "
                + "lab) is discovered too, by Netlens and the baseline alike: \"seen by Netlens\" gives the counts.\n");
        md.append("- Each round runs, in this order: the export process, the same export with an AppCDS archive, the "
                + "parallel baseline (then the firewall commands), the sequential baseline, one warm in-JVM "
                + "discovery and one phase-timed pass in a JVM kept running (`DiscoveryBench serve`).\n");
        md.append("- Heap: `DiscoveryBench heap` in a fresh JVM per sample, default heap settings: used heap after "
                + "three `System.gc()` while the `DiscoveryResult` is held.\n");
        md.append("- The machine is shared and noisy; the load average at start is above. Compare ratios, not single "
                + "timings.\n");
        md.append("- How to run it, and how to add the UI figures: bench/README.md.\n");
        return md.toString();
    }

    private String seen(String scale) {
        for (JsonNode m : metas.getOrDefault("snapshot", List.of())) {
            if (m.path("scale").asText().equals(scale)) {
                JsonNode c = m.path("counts");
                return c.path("running").asText() + " running / " + c.path("containers").asText() + " containers, "
                        + c.path("networks").asText() + " networks, " + c.path("namespaces").asText() + " namespaces, "
                        + c.path("interfaces").asText() + " interfaces";
            }
        }
        return "?";
    }

    private String renderRow(Row row) {
        String goals = row.goals().stream().map(Goal::describe).collect(Collectors.joining("<br>"));
        Optional<Series> value = row.metric() == null ? Optional.empty() : series(row.metric(), row.scale());
        if (value.isEmpty()) {
            String why = row.metric() == null ? row.note() : "not measured in this run";
            return cells(row.figure(), row.workload(), "—", row.baselineName() == null ? "—" : row.baselineName(), "—",
                    goals, "not measured", why);
        }
        Optional<Series> base = row.baseline() == null ? Optional.empty() : series(row.baseline(), row.scale());
        double ratio = base.map(b -> value.get().median() / b.median()).orElse(Double.NaN);
        List<String> results = new ArrayList<>();
        boolean missed = false;
        for (Goal goal : row.goals()) {
            boolean met = goal.met(goal.ratio() ? ratio : value.get().median());
            missed |= !met;
            results.add(met ? "pass" : "**miss**");
        }
        String note = row.note() == null ? "" : row.note();
        if (missed) {
            note = "cause: " + cause(row) + (note.isEmpty() ? "" : " " + note);
        }
        return cells(row.figure(), row.workload(), value.get().describe(),
                base.map(b -> row.baselineName() + ": " + b.describe()).orElse("—"),
                base.isPresent() ? num(ratio) + "x" : "—", goals, String.join("<br>", results), note);
    }

    /** The cause of a miss, from this run's own breakdown of the same figure. */
    private String cause(Row row) {
        String s = row.scale();
        double base = median("baseline_par", s);
        double warm = median("jvm_discovery", s);
        switch (row.metric()) {
            case "export_process" -> {
                double export = median("export_process", s);
                double start = median("jvm_start", "-");
                double first = export - start - warm;
                double cds = median("export_process_appcds", s);
                boolean warmMisses = warm / base > 1.5;
                return String.format(Locale.ROOT, "a one-shot JVM: the export's %s ms are JVM start %s + warm discovery "
                                + "%s + first-pass cost %s (%s classes loaded, initialised and run cold: docker-java and "
                                + "its HTTP/TLS stack, Jackson, picocli, the discovery code), against %s for the bare "
                                + "collection. Warm, discovery alone is %sx the baseline%s%s",
                        num(export), num(start), num(warm), num(first), num(median("export_classes_loaded", s)), num(base),
                        num(warm / base),
                        Double.isNaN(cds) ? "." : String.format(Locale.ROOT, "; an AppCDS archive alone brings the export "
                                + "to %s ms (%sx).", num(cds), num(cds / base)),
                        warmMisses ? " " + warmCause(s) : "") + " " + coldCause(s);
            }
            case "jvm_discovery" -> {
                return warmCause(s);
            }
            case "heap_used_after_gc" -> {
                return "the heap held after discovery exceeds the goal; see the note for the snapshot's share.";
            }
            default -> {
                return "not analysed by the harness.";
            }
        }
    }

    /** The same pass in a fresh JVM against the warm one, phase by phase: where the first-pass cost lies. */
    private String coldCause(String s) {
        String[] names = {"API", "kernel + firewall", "assembly", "JSON"};
        String[] phases = {"api", "kernel", "assemble", "json"};
        String[] why = {
            "docker-java's client is built (DefaultDockerClientConfig, and the zerodep HTTP client, which loads and "
                    + "initialises TLS classes though the socket is unix) and its HTTP and Jackson code runs interpreted",
            "the process-spawning code (two new threads per command: CompletableFuture.supplyAsync falls back to a "
                    + "thread per task when the common pool has one thread, as on 2 cores) and the ip JSON parsing run "
                    + "interpreted",
            "the assembly code runs interpreted",
            "Jackson's serialisers are built and run interpreted"};
        List<String> parts = new ArrayList<>();
        double total = 0;
        double worst = Double.NEGATIVE_INFINITY;
        int worstIndex = 0;
        for (int i = 0; i < phases.length; i++) {
            double cold = median("cold_phase_" + phases[i], s);
            double warm = median("phase_" + phases[i], s);
            if (Double.isNaN(cold)) {
                return "";
            }
            total += cold - warm;
            if (cold - warm > worst) {
                worst = cold - warm;
                worstIndex = i;
            }
            parts.add(names[i] + " " + num(cold) + " (warm " + num(warm) + ")");
        }
        return "As the first thing a fresh JVM does, the pass takes " + String.join(", ", parts) + " ms: "
                + signed(total) + " ms over warm, the most (" + signed(worst) + ") in " + names[worstIndex]
                + ", where " + why[worstIndex] + ".";
    }

    /** Which phase of the warm pass is furthest over its counterpart in the baseline. */
    private String warmCause(String s) {
        double api = median("phase_api", s);
        double kernel = median("phase_kernel", s);
        double rest = median("phase_assemble", s) + median("phase_json", s);
        double baseApi = median("baseline_par_api", s);
        double baseKernel = median("baseline_par_kernel", s);
        double firewall = median("firewall", s);
        double overApi = api - baseApi;
        double overKernel = kernel - baseKernel;
        String apiText = String.format(Locale.ROOT, "API %s ms vs %s in the baseline (%s)", num(api), num(baseApi),
                signed(overApi));
        String kernelText = String.format(Locale.ROOT, "kernel %s ms vs %s (%s, of which the firewall capture the "
                + "baseline skips is %s)", num(kernel), num(baseKernel), signed(overKernel), num(firewall));
        String restText = "assembly + JSON " + num(rest) + " ms";
        return "Warm pass by phase: " + (overKernel >= overApi ? kernelText + "; " + apiText : apiText + "; " + kernelText)
                + "; " + restText + ".";
    }

    private static String cells(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "—" : num(a / b) + "x";
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "−") + num(Math.abs(v));
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

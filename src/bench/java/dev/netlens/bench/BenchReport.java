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
        Path report = Path.of(args[1]);
        String kept = Files.exists(report) ? markedSections(Files.readString(report, StandardCharsets.UTF_8)) : "";
        Files.writeString(report, new BenchReport(lines).render() + kept, StandardCharsets.UTF_8);
    }

    /**
     * The sections other harnesses write between {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->}
     * (readability, soak, rates...): kept as they are, after the figures this run rewrites.
     */
    static String markedSections(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s)<!-- ([a-z-]+):start -->.*?<!-- \\1:end -->\n?").matcher(text);
        while (m.find()) {
            out.append('\n').append(m.group());
        }
        return out.toString();
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
        rows.add(new Row("discovery", "incremental refresh after one change (`Discovery.refresh` fed the events of "
                + "one container's start, then of its removal)", big, workload(big), "incremental_refresh",
                "incremental_full", "a full rediscovery (`Discovery.discover`) of the same state, same JVM, interleaved",
                List.of(Goal.ratioAtMost(0.2, "issue 6")), incrementalNote(big)));
        rows.add(new Row("discovery", "CPU while idle, live window (events on, fingerprint every 5 s, full pass every 5 min), CPU of the process "
                + "and its children over wall time", "200", workload("200"), "ui_idle_cpu", null, null,
                List.of(Goal.atMost(2, "% of one core", "issue 6")), idleNote()));
        String g = graphWorkload();
        rows.add(new Row("ui", "start event -> node on the canvas, p95 over the starts", "-", startsWorkload(),
                "ui_start_to_canvas_p95", null, "the engine's event time stamp (timeNano)",
                List.of(Goal.atMost(300, "ms p95", "issue 6")), startNote()));
        rows.add(new Row("ui", "start event -> node on the canvas, p50 over the starts", "-", startsWorkload(),
                "ui_start_to_canvas_p50", null, "the engine's event time stamp (timeNano)", List.of(), null));
        rows.add(new Row("ui", "layout of the graph off the FX thread (graph + StableLayout(StackLayout))", "2000", g,
                "ui_layout", null, null, List.of(Goal.atMost(1000, "ms", "issue 6")),
                "of which building the graph: " + series("ui_layout_graph", "2000").map(Series::describe).orElse("?")));
        rows.add(new Row("ui", "frame time while panning/zooming that graph, p50 of the pulses (pulse logger)", "2000", g,
                "ui_frame_p50", "ui_frame_empty_p50", "an empty scene, same pan/zoom", List.of(Goal.atMost(16, "ms", "issue 6")),
                frameNote()));
        rows.add(new Row("ui", "frame time while panning/zooming that graph, p95 of the pulses", "2000", g,
                "ui_frame_p95", "ui_frame_empty_p95", "an empty scene, same pan/zoom", List.of(Goal.atMost(16, "ms", "issue 6")),
                frameNote()));
        rows.add(new Row("ui", "PNG 2x export of that graph (drawing model + PNG file)", "2000", g, "ui_export_png2x", null,
                null, List.of(Goal.atMost(2000, "ms", "issue 6")), null));
        rows.add(new Row("ui", "SVG export of that graph (drawing model + SVG file)", "2000", g, "ui_export_svg", null,
                null, List.of(Goal.atMost(2000, "ms", "issue 6")), null));
        rows.add(new Row("ui", "heap with 1,000 containers held by the window (graph + layout + nodes), used after GC",
                "1000", "synthetic snapshot, 1,000 containers / 20 networks", "ui_heap", null, null,
                List.of(Goal.atMost(300, "MB", "issue 3")), uiHeapNote()));
        rows.add(new Row("ui", "app start to first drawn frame, `--snapshot` lab capture (whole process, Xvfb)", "-", "lab.json",
                "ui_first_frame_snapshot", "ui_first_frame_label", "a JavaFX window with one label",
                List.of(Goal.atMost(2500, "ms", "issue 6")), null));
        rows.add(new Row("ui", "app start to first drawn frame, live engine (first discovery included)", "-",
                "the engine as it is (lab)", "ui_first_frame_live", "ui_first_frame_label", "a JavaFX window with one label",
                List.of(Goal.atMost(2500, "ms", "issue 6")), null));
        rows.add(new Row("trace", "a packet trace once the snapshot is read, on a fresh `Tracer` (its indexes, routes and "
                + "the host's parsed rules built inside the timing)", "200", traceWorkload(), "trace_cold", null, null,
                List.of(Goal.atMost(50, "ms", "issue 13")),
                "the same Tracer for later traces: " + series("trace_warm", "200").map(Series::describe).orElse("?")));
        return rows;
    }

    private String traceWorkload() {
        return metas.getOrDefault("trace", List.of()).stream().findFirst()
                .map(m -> "scale-200.json (" + m.path("containers").asText() + " containers); " + m.path("traces").asText()
                        + " traces: same network, across networks, outside client to a published port, container to "
                        + "outside")
                .orElse("scale-200.json");
    }

    private String graphWorkload() {
        return metas.getOrDefault("graph", List.of()).stream().findFirst()
                .map(m -> "synthetic: " + m.path("nodes").asText() + " nodes / " + m.path("links").asText() + " links ("
                        + m.path("containers").asText() + " containers, " + m.path("networks").asText() + " networks)")
                .orElse("synthetic snapshot");
    }

    private String startsWorkload() {
        return metas.getOrDefault("startevent", List.of()).stream().findFirst()
                .map(m -> m.path("measured").asText() + " of " + m.path("starts").asText() + " starts, one at a time ("
                        + m.path("timeouts").asText() + " not seen within 15 s)")
                .orElse("100 starts");
    }

    /** What the canvas does to keep frames short (issues 3 and 6), for the frame rows. */
    private static String frameNote() {
        return "Canvas (issue 3 change): it groups its shapes by place into cells (a loose grid of 256, 1,024 and "
                + "4,096 world px) and shows only the cells meeting the viewport (hidden cells have opacity 0, which "
                + "the renderer skips); below zoom 0.36 the labels are hidden. While the camera moves, one "
                + "window-sized picture stands in for the shapes: it is composed at each pulse from 256 px tiles of "
                + "the drawing and a backdrop of the whole drawing (both taken while the camera rests, a few tiles or "
                + "one backdrop strip a pulse; a gesture never paints once the backdrop exists, where it has no tile "
                + "the backdrop stands in), copying rows of pixels while the zoom is the tiles' and one pixel lookup "
                + "each otherwise; the shapes come back 250 ms after the camera stops. Each measured gesture starts "
                + "from a view that rested (a user looks before dragging): at least 1 s, until the canvas has its "
                + "pictures for it, at most 5 s";
    }

    /** Where the slowest 5 % of the starts spent their time, stage by stage (medians over them). */
    private String slowestStarts() {
        String[] stages = {"ui_start_event_delivery", "ui_start_refresh", "ui_start_to_fx", "ui_start_layout", "ui_start_draw"};
        Optional<Series> all = series("ui_start_to_canvas", "-");
        if (all.isEmpty()) {
            return "";
        }
        List<Double> total = all.get().samples();
        List<List<Double>> parts = new ArrayList<>();
        for (String stage : stages) {
            List<Double> samples = series(stage, "-").map(Series::samples).orElse(List.of());
            if (samples.size() != total.size()) {
                return ""; // a start without its carrying update: stages are not aligned
            }
            parts.add(samples);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < total.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(total.get(b), total.get(a)));
        List<Integer> slow = order.subList(0, Math.max(1, (int) Math.ceil(total.size() * 0.05)));
        StringBuilder out = new StringBuilder("The slowest ").append(slow.size()).append(" starts (")
                .append(num(total.get(slow.get(slow.size() - 1)))).append("–").append(num(total.get(slow.get(0))))
                .append(" ms), medians per stage: ");
        String[] names = {"delivery", "update", "to the FX thread", "to the frame", "to the pulse"};
        for (int k = 0; k < stages.length; k++) {
            List<Double> values = new ArrayList<>();
            for (int i : slow) {
                values.add(parts.get(k).get(i));
            }
            out.append(k == 0 ? "" : ", ").append(names[k]).append(' ').append(num(new Series("ms", values).median()));
        }
        return out.append(" ms.").toString();
    }

    private String incrementalNote(String scale) {
        StringBuilder note = new StringBuilder("re-reads both lists, inspects what the events named (and what is new "
                + "or changed state), enters the engine's namespace, the changed sandboxes and new namespace files, "
                + "reads the firewall; keeps the other namespace dumps (same file, same inode) and inspects");
        metas.getOrDefault("incremental", List.of()).stream().filter(m -> m.path("scale").asText().equals(scale))
                .findFirst().ifPresent(m -> note.append("; ").append(m.path("equal").asText()).append(" of ")
                        .append(m.path("compared").asText()).append(" incremental snapshots equal to the full one taken "
                                + "right after (capture time and firewall comments aside)"));
        return note.toString();
    }

    private String startNote() {
        return "all starts: " + series("ui_start_to_canvas", "-").map(Series::describe).orElse("?")
                + "; live window headless (Monocle) wired as the app does (LiveTopology -> FX thread -> showLive), "
                + "end = the first pulse after the frame holding the container's node";
    }

    /** What the idle figure is made of, from this run's own parts. */
    private String idleCause() {
        double cpu = median("ui_idle_discovery_cpu", "200");
        double period = metas.getOrDefault("idle", List.of()).stream().findFirst()
                .map(m -> m.path("fullResyncSeconds").asDouble(300)).orElse(300.0);
        return String.format(Locale.ROOT, "the figure is the live window's measured CPU with events on and the "
                + "timer ticking every 5 s (%s %%: one `ip -j link` in the engine's namespace and one folder listing per "
                + "tick, the JVM's own housekeeping) plus the share of the safety full pass it runs every %s s (%s ms "
                + "of CPU each, %s ms wall: engine API, one `ip` per namespace, the firewall; %s %% of a core spread "
                + "over its period). The caret of a focused search box had kept JavaFX pulsing 60 times a second; "
                + "the canvas now has the keyboard when the window opens.",
                num(median("ui_idle_cpu_ticks", "200")), num(period), num(cpu),
                num(median("ui_idle_discovery_wall", "200")), num(100 * cpu / (period * 1000)));
    }

    private String idleNote() {
        StringBuilder note = new StringBuilder();
        note.append(idleCause()).append(' ');
        series("ui_idle_cpu_jvm", "200").ifPresent(s -> note.append("JVM alone: ").append(s.describe()));
        metas.getOrDefault("idle", List.of()).stream().findFirst().ifPresent(m -> note.append("; ")
                .append(m.path("seconds").asText()).append(" s measured in 3 windows after 15 s of settling, ").append(m.path("updates").asText())
                .append(" updates, ").append(m.path("containers").asText()).append(" containers seen"));
        return note.toString();
    }

    private String uiHeapNote() {
        StringBuilder note = new StringBuilder();
        series("ui_heap_empty_window", "1000").ifPresent(s -> note.append("the same window before the snapshot: ")
                .append(s.describe()));
        metas.getOrDefault("uiheap", List.of()).stream().findFirst().ifPresent(m -> note.append("; ")
                .append(m.path("nodes").asText()).append(" vertices, ").append(m.path("links").asText())
                .append(" links, ").append(m.path("sceneNodes").asText()).append(" scene-graph nodes; default max heap ")
                .append(num(m.path("maxHeapMb").asDouble())).append(" MB; a fresh JVM per sample"));
        return note.toString();
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
                md.append("| **").append(section.equals("ui") ? "User interface" : section.equals("trace") ? "Packet trace"
                        : "Discovery").append("** | | | | | | | |\n");
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
        md.append("| workload | seen by Netlens | export process | export with AppCDS archive | export with C1 only "
                + "| JVM start floor "
                + "| first-pass cost | warm discovery | API | kernel + firewall | assembly | JSON | classes loaded "
                + "| cold pass in a fresh JVM: API / kernel / assembly / JSON "
                + "| baseline 4 parallel: total / API / ip | sequential: total / API / ip | firewall commands "
                + "| warm ratio vs sequential |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String scale : scales()) {
            double export = median("export_process", scale);
            double start = median("jvm_start", "-");
            double warm = median("jvm_discovery", scale);
            md.append("| ").append(workload(scale)).append(" | ").append(seen(scale)).append(" | ")
                    .append(num(export)).append(" | ").append(num(median("export_process_appcds", scale))).append(" | ")
                    .append(num(median("export_process_c1", scale))).append(" | ")
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
                + "`-XX:SharedArchiveFile` made from one export, which shows how much of that cost is class loading; "
                + "\"export with C1 only\" likewise runs it with `-XX:TieredStopAtLevel=1`, which shows how much the "
                + "optimising JIT compiler's work on the same cores costs a short process.\n\n");

        md.append("## Picture export (Java2D, headless)\n\n");
        md.append("Medians in ms over the UI rounds, for the synthetic graph of the UI figures (" + graphWorkload()
                + "), through `dev.netlens.render` as `netlens export --format png|svg` does it, into files under "
                + "target/bench.\n\n");
        md.append("| step | time |\n|---|---|\n");
        md.append("| drawing model: `Pictures.of` (StackLayout with AWT metrics) | ")
                .append(series("ui_export_drawing", "2000").map(Series::describe).orElse("—")).append(" |\n");
        md.append("| PNG 2x: ").append(pngSize()).append(" (tiles drawn, rows deflated into the file) | ")
                .append(series("ui_export_png_write", "2000").map(Series::describe).orElse("—")).append(" |\n");
        md.append("| SVG, drawing model included (").append(metas.getOrDefault("export", List.of()).stream().findFirst()
                .map(m -> num(m.path("svgBytes").asDouble() / 1048576) + " MB").orElse("?")).append(") | ")
                .append(series("ui_export_svg", "2000").map(Series::describe).orElse("—")).append(" |\n\n");
        md.append("A PNG's time follows its pixel count (the layout's bounding box times the scale squared): an "
                + "earlier hand profile (`PictureExportTest`, `SyntheticSnapshots.bridges(4, 5, 130)`, four hosts laid "
                + "side by side into a 65,673 x 994 px strip at 1x) took 2.2-2.6 s, about 1 s of it drawing and the "
                + "rest deflate; SVG stays far under the goal. "
                + "Rendering tiles in parallel did not help on two cores.\n\n");
        md.append("## Method\n\n");
        md.append("- Workloads: `bench/workload.sh` starts busybox containers (`netlens/busybox:bench`, a tag of the lab's "
                + "`netlens/busybox:lab`, running `sleep infinity`) round-robin on user bridge networks with subnets in "
                + "198.19.0.0/16, all labelled `netlens.bench=1`; it grows 50/5 → 200/20 → 500/50 and removes "
                + "only what carries that label (also at start, for leftovers). Whatever else runs on the engine (the "
                + "lab) is discovered too, by Netlens and the baseline alike: \"seen by Netlens\" gives the counts.\n");
        md.append("- Each round runs, in this order: the export process, the same export with an AppCDS archive, the "
                + "same export with C1 only, the parallel baseline (then the firewall commands), the sequential baseline, one warm in-JVM "
                + "discovery and one phase-timed pass in a JVM kept running (`DiscoveryBench serve`).\n");
        md.append("- Heap: `DiscoveryBench heap` in a fresh JVM per sample, default heap settings: used heap after "
                + "three `System.gc()` while the `DiscoveryResult` is held.\n");
        md.append("- The machine is shared and noisy; the load average at start is above. Compare ratios, not single "
                + "timings.\n");
        md.append("- UI figures (`UiBench`): JavaFX headless under Monocle (`-Dglass.platform=Monocle "
                + "-Dmonocle.platform=Headless -Dprism.order=sw`, 1920x1080), the real `MainWindow`. Layout, frames and "
                + "export use one synthetic snapshot (`SyntheticSnapshots.networks(1, 40, 200, 5, false)`: the "
                + "generator gives about 1.2 links per vertex, so 3,000 links come with 2,500 vertices), one warm-up "
                + "round, then interleaved rounds. Frame time is the duration of each pulse as JavaFX's pulse logger "
                + "(`-Djavafx.pulseLogger=true`) prints it, FX thread and painting, over 180 pulses of dragging then "
                + "zooming, at fit-to-window and at reading size; the baseline pans and zooms an empty 1920x1080 scene "
                + "the same way. Start event -> canvas: a live window wired as the app (LiveTopology, runLater, "
                + "`showLive`) on the local engine; `netlens/busybox:lab` containers labelled `netlens.bench=1` started "
                + "one at a time by `docker run`; from the start event's `timeNano` to the first pulse after the frame "
                + "that holds the node (a listener on the canvas's frame and a post-layout pulse listener, no polling). "
                + "Heap: a fresh JVM per sample, used heap after three `System.gc()`. Idle CPU: utime+stime of the "
                + "process and its reaped children (/proc/self/stat) over wall time, 3 windows after 15 s of settling. "
                + "First frame: whole processes under Xvfb with `-Dprism.order=sw -Dnetlens.exitAfterFirstFrame=true`, "
                + "which prints the time from JVM start to two pulses after the first one showing the picture (so "
                + "that one is painted), a first round discarded.\n");
        md.append("- How to run it: bench/README.md.\n");
        return md.toString();
    }

    private String pngSize() {
        return metas.getOrDefault("export", List.of()).stream().findFirst()
                .map(m -> m.path("pngWidth").asText() + " x " + m.path("pngHeight").asText() + " px in "
                        + m.path("tiles").asText() + " tiles, " + num(m.path("pngBytes").asDouble() / 1048576) + " MB")
                .orElse("?");
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
        double ratio = base.filter(b -> b.median() > 0).map(b -> value.get().median() / b.median()).orElse(Double.NaN);
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
                Double.isNaN(ratio) ? "—" : num(ratio) + "x", goals, String.join("<br>", results), note);
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
                double c1 = median("export_process_c1", s);
                boolean warmMisses = warm / base > 1.5;
                return String.format(Locale.ROOT, "a one-shot JVM: the export's %s ms are JVM start %s + warm discovery "
                                + "%s + first-pass cost %s (%s classes loaded and initialised, and the discovery code, "
                                + "Jackson's streaming parser and the JDK's process and socket code run interpreted "
                                + "while the JIT compiles them on the same cores), against %s for the bare "
                                + "collection. Warm, discovery alone is %sx the baseline%s%s%s",
                        num(export), num(start), num(warm), num(first), num(median("export_classes_loaded", s)), num(base),
                        num(warm / base),
                        Double.isNaN(cds) ? "." : String.format(Locale.ROOT, "; an AppCDS archive alone brings the export "
                                + "to %s ms (%sx).", num(cds), num(cds / base)),
                        Double.isNaN(c1) ? "" : String.format(Locale.ROOT, " With the JIT limited to its quick compiler "
                                + "(-XX:TieredStopAtLevel=1, a flag `java -jar` cannot take from the jar) it takes %s ms "
                                + "(%sx): the optimising compiler's threads compete with discovery for the 2 cores.",
                                num(c1), num(c1 / base)),
                        warmMisses ? " " + warmCause(s) : "") + " " + coldCause(s);
            }
            case "jvm_discovery" -> {
                return warmCause(s);
            }
            case "ui_start_to_canvas_p95" -> {
                double delivery = median("ui_start_event_delivery", "-");
                double refresh = median("ui_start_refresh", "-");
                double fx = median("ui_start_to_fx", "-");
                double layout = median("ui_start_layout", "-");
                double draw = median("ui_start_draw", "-");
                return String.format(Locale.ROOT, "medians per stage: the event reaches Netlens %s ms after its time "
                        + "stamp; the update carrying the container reaches the window %s ms later (a 5 ms debounce, "
                        + "then an incremental refresh: the container and network the events name, the engine's "
                        + "namespace, the new sandbox and the firewall; the create event waits for the start instead "
                        + "of a pass of its own); %s ms to the FX thread; %s ms from there to the frame (graph and "
                        + "StableLayout in the background: one candidate layout, the one chosen last time, to size and "
                        + "aim the new vertices, nothing else moves; then back to the FX thread, where it may queue "
                        + "behind the pulse of the previous frame); %s ms from that frame to the next pulse (the canvas "
                        + "reconciles, CSS and layout of the new shapes: TopologyCanvasView re-sorts and re-adds every "
                        + "box each frame). %s",
                        num(delivery), num(refresh), num(fx), num(layout), num(draw), slowestStarts());
            }
            case "incremental_refresh" -> {
                return String.format(Locale.ROOT, "the incremental pass still lists every container and network, "
                        + "enters the engine's own namespace (one `ip` over all %s interfaces' host ends), dumps the "
                        + "firewall and assembles the whole snapshot again: these grow with the engine, against %s ms "
                        + "for the full pass.", row.scale(), num(median("incremental_full", row.scale())));
            }
            case "ui_frame_p50", "ui_frame_p95" -> {
                JsonNode f = metas.getOrDefault("frames", List.of()).stream().findFirst().orElse(null);
                return String.format(Locale.ROOT, "pulses take %s ms (p50) at fit and %s ms at reading size. In "
                        + "every pulse the FX thread composes the window-sized picture that stands in for the shapes "
                        + "(see the note) and walks all %s scene nodes to update bounds; the renderer copies the "
                        + "picture to the screen and, at fit, paints the overview names above it (text on plates, "
                        + "one node pair per name). At rest the canvas paints all %s shapes at fit. The empty scene "
                        + "(%s ms) paints nothing.",
                        num(median("ui_frame_fit_p50", "2000")), num(median("ui_frame_reading_p50", "2000")),
                        f == null ? "?" : f.path("sceneNodes").asText(), f == null ? "?" : f.path("paintedFit").asText(),
                        num(median("ui_frame_empty_p50", "2000")));
            }
            case "ui_export_png2x", "ui_export_svg" -> {
                return String.format(Locale.ROOT, "the drawing model (StackLayout with AWT metrics) takes %s ms, the "
                        + "PNG itself %s ms: %s; see Picture export below.", num(median("ui_export_drawing", "2000")),
                        num(median("ui_export_png_write", "2000")), pngSize());
            }
            case "ui_first_frame_snapshot", "ui_first_frame_live" -> {
                return String.format(Locale.ROOT, "against %s ms for the one-label window, Netlens loads and "
                        + "initialises its own classes (window, panels, CSS, layout) before the first frame%s.",
                        num(median("ui_first_frame_label", "-")), row.metric().endsWith("live")
                                ? " and runs the first discovery cold (on its own thread while JavaFX starts: on 2 "
                                + "cores the two compete; see the export's first-pass cost above)" : "");
            }
            case "ui_idle_cpu" -> {
                return "its parts, below, do not add up under the goal:";
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
            "Netlens's HTTP client on the unix socket and Jackson's streaming parser run interpreted for the first "
                    + "of some hundred answers",
            "the process launching (vfork), the output draining and the ip JSON parsing run interpreted",
            "the assembly code runs interpreted",
            "the streaming JSON writer runs interpreted"};
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

package dev.netlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the soak's figures (target/soak/soak.json) into the report as its "Soak" section, between
 * markers of its own, so that the rest of the report stays as bench/run.sh wrote it.
 */
final class SoakReport {
    private static final String START = "<!-- soak:start -->";
    private static final String END = "<!-- soak:end -->";

    private SoakReport() {
    }

    static void write(Path json, Path report) throws IOException {
        JsonNode f = new ObjectMapper().readTree(json.toFile());
        StringBuilder md = new StringBuilder();
        md.append(START).append("\n## Soak (issue 15)\n\n");
        md.append("Written by `bash bench/soak.sh` (dev.netlens.bench.SoakBench) from one run: churn on both lab engines with "
                + "the live window open (headless Monocle), every change a `docker` command on an `nlsoak-` object "
                + "(containers created, started, stopped, removed; networks on 100.64.96.0/20 created and removed; "
                + "connect and disconnect), paced at 5 a second and never more than two waiting per engine; "
                + "engine 2 stopped (SIGTERM) and started again by `.ci/lab/engines-up.sh` at a third and two thirds "
                + "of the churn, its lab containers started again and the overlay checked (lab-o2 pings o1).\n\n");
        md.append("| machine | |\n|---|---|\n");
        row(md, "date", f.path("date").asText(java.time.Instant.now().toString().substring(0, 16) + "Z"));
        row(md, "machine", f.path("machine").asText(""));
        row(md, "load average (1, 5, 15 min) at start / end", f.path("loadStart").asText("not recorded") + " / "
                + f.path("loadEnd").asText("not recorded"));
        md.append("\n| figure | value |\n|---|---|\n");
        row(md, "churn", fmt(f.path("minutes").asDouble()) + " min");
        row(md, "changes applied", f.path("changesApplied").asInt() + " (" + fmt(f.path("changesPerSecond").asDouble())
                + " a second; " + f.path("changesByKind").toString().replaceAll("[{}\"]", "").replace(",", ", ")
                + "); refused " + f.path("refused").asInt() + ", paced ticks skipped because the engine was busy "
                + f.path("skippedTicks").asInt());
        row(md, "change -> canvas (docker command returned -> frame on the FX thread)", "median "
                + fmt(f.path("delayP50Ms").asDouble()) + " ms, p95 " + fmt(f.path("delayP95Ms").asDouble())
                + " ms, largest **" + fmt(f.path("delayMaxMs").asDouble()) + " ms** (" + f.path("delayMaxWhat").asText()
                + "); " + f.path("delaysMeasured").asInt() + " measured, " + f.path("supersededBeforeDrawn").asInt()
                + " overtaken by a newer change to the same object, " + f.path("droppedByEngine2Stop").asInt()
                + " on engine 2 when it stopped, " + f.path("neverDrawn").asInt() + " never drawn");
        row(md, "live snapshot = fresh full discovery of both engines", yes(f.path("liveEqualsDiscoveryAfterChurn"))
                + " after the churn, " + yes(f.path("liveEqualsDiscoveryAfterCleanup")) + " after the clean-up");
        if (f.has("objectsAdded")) {
            row(md, "containers and networks on both engines (the heap holds their picture: compared only when they are the same), start -> end",
                    f.path("objectsStart").asInt() + " -> " + f.path("objectsEnd").asInt() + "; at the end and not at the start: "
                    + counted(f.path("objectsAdded")) + "; at the start and not at the end: " + counted(f.path("objectsGone")));
        }
        row(md, "heap after GC (class histogram, all live objects, after a second full collection; the canvas fit and resting with its pictures taken at both ends), start -> end", fmt(f.path("heapStartMb").asDouble()) + " -> "
                + fmt(f.path("heapEndMb").asDouble()) + " MB (" + fmt(f.path("heapChangePercent").asDouble()) + " %)");
        if (f.has("heapFirstCollectionStartMb")) {
            row(md, "the same after the first full collection (soft references read since the collection before still held: JavaFX's effect image pool), start -> end",
                    fmt(f.path("heapFirstCollectionStartMb").asDouble()) + " -> " + fmt(f.path("heapFirstCollectionEndMb").asDouble()) + " MB");
        }
        if (f.has("heapWithoutPixelsStartMb")) {
            row(md, "live objects after GC without pixel buffers (class histogram; int[]: the canvas's stand-in pictures, a bounded cache), start -> end",
                    fmt(f.path("heapWithoutPixelsStartMb").asDouble()) + " -> " + fmt(f.path("heapWithoutPixelsEndMb").asDouble())
                    + " MB (" + fmt(f.path("heapWithoutPixelsChangePercent").asDouble()) + " %); pixel buffers "
                    + fmt(f.path("pixelBuffersStartMb").asDouble()) + " -> " + fmt(f.path("pixelBuffersEndMb").asDouble()) + " MB");
        }
        row(md, "threads, start -> end", f.path("threadsStart").asInt() + " -> " + f.path("threadsEnd").asInt());
        row(md, "file descriptors (/proc/self/fd), start -> end", f.path("fdsStart").asInt() + " -> " + f.path("fdsEnd").asInt());
        if (f.has("newFds")) {
            String apart = f.path("inventoryApartSeconds").asInt() + " s";
            row(md, "threads by name that last (in two readings " + apart + " apart), without idle threads of cached pools, start -> end",
                    f.path("lastingThreadsStart").asInt() + " -> " + f.path("lastingThreadsEnd").asInt() + "; at the end and not at the start: "
                    + counted(f.path("newThreads")) + "; at the start and not at the end: " + counted(f.path("goneThreads")));
            row(md, "left out of the thread comparison: idle threads of cached pools, start -> end",
                    counted(f.path("idlePoolThreadsStart")) + " -> " + counted(f.path("idlePoolThreadsEnd")) + ": "
                    + f.path("idlePoolThreadsWhy").asText());
            row(md, "file descriptors by what they point to that last, start -> end", f.path("lastingFdsStart").asInt() + " -> "
                    + f.path("lastingFdsEnd").asInt() + "; at the end and not at the start: " + counted(f.path("newFds"))
                    + "; at the start and not at the end: " + counted(f.path("goneFds")));
            row(md, "child processes that last, start -> end", list(f.path("childrenStart")) + " -> " + list(f.path("childrenEnd")));
        }
        row(md, "exceptions logged (standard error, uncaught, and WARNING or SEVERE in the log file)", Integer.toString(f.path("exceptionsLogged").asInt()));
        if (f.hasNonNull("note")) {
            md.append("\n").append(f.path("note").asText()).append("\n");
        }
        md.append(END).append("\n");
        replaceSection(report, START, END, md.toString());
    }

    /**
     * Writes the "Failure paths" section from the cases {@code CliFailurePathsTest} checked in the same run
     * (its rows file: command, failure, exit status, stderr lines, tab-separated), grouped by failure and
     * status; {@code testsPassed} is whether that test class passed as a whole.
     */
    static void writeFailurePaths(Path rows, boolean testsPassed, Path json, Path report) throws IOException {
        JsonNode f = new ObjectMapper().readTree(json.toFile());
        record Case(String command, String failure, String exit, String stderr) {
        }
        java.util.List<Case> cases = Files.readAllLines(rows).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] c = l.split("\t", 4);
            return new Case(c[0], c[1], c[2], c.length > 3 ? c[3].replace("\t", " / ") : "");
        }).toList();
        java.util.Map<String, java.util.List<Case>> groups = new java.util.LinkedHashMap<>();
        cases.stream().sorted(java.util.Comparator.comparing(Case::failure)).forEach(c ->
                groups.computeIfAbsent(c.failure() + "\n" + c.exit(), k -> new java.util.ArrayList<>()).add(c));
        String start = "<!-- failure-paths:start -->";
        String end = "<!-- failure-paths:end -->";
        StringBuilder md = new StringBuilder(start).append("\n## Failure paths of the command line (issue 15)\n\n");
        md.append("Written by `bash bench/soak.sh` from the same run as the soak (" + f.path("date").asText() + ", "
                + commit(f) + "): `CliFailurePathsTest` against the lab engines, run just before the churn. Every command "
                + "runs in process through picocli, and `lab up` once more as a real process, for what only a process "
                + "shows (JVM warnings, library logging on the console). Each case is checked for: only Netlens's own "
                + "lines on standard error (one per problem), no stack trace, nothing left at the output path nor its "
                + "temporary file, and the exit status README documents. **" + cases.size() + " cases, "
                + (testsPassed ? "all passed" : "NOT ALL PASSED: the test failed (see target/soak/failure-paths.log)")
                + ".**\n\n");
        md.append("| failure | commands | exit | standard error (of the first command) |\n|---|---|---|---|\n");
        groups.values().forEach(g -> md.append("| ").append(g.get(0).failure()).append(" | ")
                .append(String.join(", ", g.stream().map(Case::command).toList())).append(" | ").append(g.get(0).exit())
                .append(" | `").append(g.get(0).stderr().replace("`", "'").replace("|", "\\|")).append("` |\n"));
        md.append("\n`netlens capture` (issue 14) has its own failure tests (`CaptureCommandTest`, `CaptureProblemsTest`, "
                + "`CaptureCommandAgainstLabTest`: exit 2 bad arguments or filter, 3 no engine, 4 cannot capture here, "
                + "5 capture or write failed; no file left on failure).\n");
        md.append(end).append("\n");
        replaceSection(report, start, end, md.toString());
    }

    private static String commit(JsonNode f) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("commit (\\w+)").matcher(f.path("machine").asText(""));
        return m.find() ? "commit " + m.group(1) : "commit not recorded";
    }

    /** Replaces the text from {@code start} to {@code end} (markers included), or appends it when absent. */
    private static void replaceSection(Path report, String start, String end, String md) throws IOException {
        String text = Files.exists(report) ? Files.readString(report) : "";
        int a = text.indexOf(start);
        int b = text.indexOf(end);
        String next = a >= 0 && b > a ? text.substring(0, a) + md + text.substring(b + end.length()).replaceFirst("^\n", "")
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + md;
        Files.writeString(report, next);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    /** A JSON array of names as "3 (`a` x2, `b`)", or "none". */
    private static String counted(JsonNode array) {
        if (array.isEmpty()) {
            return "none";
        }
        java.util.Map<String, Integer> n = new java.util.TreeMap<>();
        array.forEach(i -> n.merge(i.asText(), 1, Integer::sum));
        java.util.List<String> items = new java.util.ArrayList<>();
        n.forEach((k, v) -> items.add("`" + k + "`" + (v > 1 ? " x" + v : "")));
        return array.size() + " (" + String.join(", ", items) + ")";
    }

    /** A JSON array as "`a`, `b`", or "none". */
    private static String list(JsonNode array) {
        if (array.isEmpty()) {
            return "none";
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        array.forEach(i -> items.add("`" + i.asText() + "`"));
        return String.join(", ", items);
    }

    private static String yes(JsonNode b) {
        return b.asBoolean() ? "**yes**" : "**NO**";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, d >= 100 || d <= -100 ? "%,.0f" : "%.1f", d);
    }
}

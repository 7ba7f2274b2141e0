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
        row(md, "heap after GC, start -> end", fmt(f.path("heapStartMb").asDouble()) + " -> "
                + fmt(f.path("heapEndMb").asDouble()) + " MB (" + fmt(f.path("heapChangePercent").asDouble()) + " %)");
        if (f.has("heapWithoutPixelsStartMb")) {
            row(md, "live objects after GC without pixel buffers (class histogram; int[]: the canvas's stand-in pictures, a bounded cache), start -> end",
                    fmt(f.path("heapWithoutPixelsStartMb").asDouble()) + " -> " + fmt(f.path("heapWithoutPixelsEndMb").asDouble())
                    + " MB (" + fmt(f.path("heapWithoutPixelsChangePercent").asDouble()) + " %); pixel buffers "
                    + fmt(f.path("pixelBuffersStartMb").asDouble()) + " -> " + fmt(f.path("pixelBuffersEndMb").asDouble()) + " MB");
        }
        row(md, "threads, start -> end", f.path("threadsStart").asInt() + " -> " + f.path("threadsEnd").asInt());
        row(md, "file descriptors (/proc/self/fd), start -> end", f.path("fdsStart").asInt() + " -> " + f.path("fdsEnd").asInt());
        row(md, "exceptions logged (standard error, uncaught, and WARNING or SEVERE in the log file)", Integer.toString(f.path("exceptionsLogged").asInt()));
        if (f.hasNonNull("note")) {
            md.append("\n").append(f.path("note").asText()).append("\n");
        }
        md.append(END).append("\n");
        String text = Files.exists(report) ? Files.readString(report) : "";
        int a = text.indexOf(START);
        int b = text.indexOf(END);
        String next = a >= 0 && b > a ? text.substring(0, a) + md + text.substring(b + END.length()).replaceFirst("^\n", "")
                : text + (text.endsWith("\n") ? "\n" : "\n\n") + md;
        Files.writeString(report, next);
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String yes(JsonNode b) {
        return b.asBoolean() ? "**yes**" : "**NO**";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, d >= 100 || d <= -100 ? "%,.0f" : "%.1f", d);
    }
}

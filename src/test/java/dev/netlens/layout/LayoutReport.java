package dev.netlens.layout;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.SnapshotJson;
import java.nio.file.Path;

/**
 * Prints the quality of the layouts (legacy and current) on the lab and on synthetic graphs, and
 * times the current one on 2,000 vertices. Not a test: run by hand.
 * Args: [SNAPSHOT.json ...] (default: the lab).
 */
public final class LayoutReport {
    private static LabelMetrics metrics = LabelMetrics.ESTIMATE;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fx")) {
            // The window's own font measurements: needs a display (Xvfb) and -Dprism.order=sw.
            javafx.application.Platform.startup(() -> { });
            metrics = new dev.netlens.ui.topology.FxLabelMetrics();
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
            for (String t : new String[] {"veth3991060", "172.17.0.2/16", "lab-bridge-a", "netlens/busybox:lab"}) {
                System.out.printf("  %-22s fx %.0f / estimate %.0f (label), fx %.0f / estimate %.0f (caption)%n", t,
                        metrics.width(t, LabelMetrics.Style.LABEL), LabelMetrics.ESTIMATE.width(t, LabelMetrics.Style.LABEL),
                        metrics.width(t, LabelMetrics.Style.CAPTION), LabelMetrics.ESTIMATE.width(t, LabelMetrics.Style.CAPTION));
            }
        }
        if (args.length > 0 && args[0].equals("lab-only")) {
            report("lab", TopologyGraph.from(SnapshotJson.read(Path.of("src/test/resources/snapshots/lab.json"))));
            javafx.application.Platform.exit();
            return;
        }
        String[] files = args.length == 0 ? new String[] {"src/test/resources/snapshots/lab.json"} : args;
        for (String f : files) {
            TopologyGraph g = TopologyGraph.from(SnapshotJson.read(Path.of(f)));
            report(f, g);
        }
        report("synthetic 2 hosts, 50 networks, 500 containers",
                TopologyGraph.from(SyntheticSnapshots.networks(2, 50, 500)));
        report("synthetic 4 hosts x 5 bridges x 130", TopologyGraph.from(SyntheticSnapshots.bridges(4, 5, 130)));
        time(TopologyGraph.from(SyntheticSnapshots.bridges(4, 5, 130)), "bridges(4,5,130)");
        time(TopologyGraph.from(SyntheticSnapshots.networks(2, 50, 500)), "networks(2,50,500)");
        time(TopologyGraph.from(SyntheticSnapshots.networks(2, 40, 110, 8, false)), "networks(2,40,110,8 legs)");
        javafx.application.Platform.exit();
    }

    static void report(String name, TopologyGraph g) {
        System.out.println("== " + name + ": " + g.nodes().size() + " vertices, " + g.links().size() + " links");
        System.out.println("  legacy: " + LayoutQuality.summary(g, new LegacyStackLayout(metrics).layout(g)));
        System.out.println("  stack:  " + LayoutQuality.summary(g, new StackLayout(metrics).layout(g)));
    }

    static void time(TopologyGraph g, String name) {
        StackLayout engine = new StackLayout(metrics);
        for (int i = 0; i < 15; i++) {
            engine.layout(g);
        }
        int runs = 20;
        long best = Long.MAX_VALUE;
        long worst = 0;
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            engine.layout(g);
            long dt = System.nanoTime() - t0;
            best = Math.min(best, dt);
            worst = Math.max(worst, dt);
            total += dt;
        }
        System.out.printf("timing %s: %d vertices, %d links: mean %.1f ms, best %.1f ms, worst %.1f ms%n", name, g.nodes().size(),
                g.links().size(), total / 1e6 / runs, best / 1e6, worst / 1e6);
    }
}

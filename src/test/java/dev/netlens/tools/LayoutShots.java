package dev.netlens.tools;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LayoutQuality;
import dev.netlens.layout.StackLayout;
import dev.netlens.render.AwtLabelMetrics;
import dev.netlens.render.DrawingBuilder;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.PngWriter;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays out a few graphs (files given, else the lab and synthetic ones), prints their quality and
 * writes each as a 1x PNG into a folder, to look at. Not a test: run by hand.
 * Args: OUT_DIR [SNAPSHOT.json ...]
 */
public final class LayoutShots {
    private LayoutShots() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        if (args.length > 1) {
            for (int i = 1; i < args.length; i++) {
                shot(out, Path.of(args[i]).getFileName().toString().replace(".json", ""), SnapshotJson.read(Path.of(args[i])));
            }
            return;
        }
        shot(out, "lab", SnapshotJson.read(Path.of("src/test/resources/snapshots/lab.json")));
        shot(out, "net-50-15", SyntheticSnapshots.networks(1, 15, 50));
        shot(out, "net-200-20", SyntheticSnapshots.networks(1, 20, 200));
    }

    static void shot(Path out, String name, TopologySnapshot s) throws Exception {
        TopologyGraph full = TopologyGraph.from(s);
        shot(out, name, full);
        var auto = dev.netlens.render.AutoCollapse.choose(full, new StackLayout(new AwtLabelMetrics()), PictureOptions.plain());
        if (!auto.isEmpty()) {
            System.out.println("  auto collapses " + auto.size() + ": " + auto);
            shot(out, name + "-auto", full.collapsed(auto));
        }
    }

    static void shot(Path out, String name, TopologyGraph g) throws Exception {
        long t0 = System.nanoTime();
        Layout l = new StackLayout(new AwtLabelMetrics()).layout(g);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(name + ": " + g.nodes().size() + " vertices, "
                + LayoutQuality.summary(g, l) + ", " + ms + " ms");
        var d = DrawingBuilder.whole(g, l, PictureOptions.plain());
        System.out.printf("  1x picture %.0f x %.0f%n", d.width(), d.height());
        try (var o = Files.newOutputStream(out.resolve(name + ".png"))) {
            new PngWriter().write(d, 1, o, p -> { });
        }
    }
}

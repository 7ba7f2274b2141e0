package dev.netlens.bench;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.SubKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LayoutEngine;
import dev.netlens.layout.LayoutQuality;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.layout.TypeScale;
import dev.netlens.render.AutoCollapse;
import dev.netlens.render.Drawing;
import dev.netlens.render.DrawingBuilder;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.PngFit;
import dev.netlens.render.Pictures;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.topology.FxLabelMetrics;
import dev.netlens.ui.topology.OverviewNames;
import dev.netlens.ui.topology.TopologyCanvasView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The readability figures of issue 12, for each workload given: the 1x picture's size (nothing
 * folded, and with {@code --collapse auto}), whether it fits 2,560 x 1,440 and names every running
 * container, the 2x PNG as written (at most 16,384 px a side), crossings and pass-throughs, the
 * layout's time (the window's engine, median of 5 after 2 warm-ups), and the on-screen height of
 * container, network and group names at fit-to-window in the 1920x1080 window with the side panel
 * (the window itself, headless under Monocle). Writes a markdown section into the report between
 * {@code <!-- readability:start -->} and {@code <!-- readability:end -->}.
 * Args: REPORT.md NAME=SNAPSHOT.json ...
 */
public final class ReadabilityBench {
    private ReadabilityBench() {
    }

    record Row(String name, String workload, String picture, String pictureAuto, String fitsAndNamed, String png2x,
               String crossings, String layoutMs, String containerNames, String networkNames, String groupNames) {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] nf = args[i].split("=", 2);
            TopologySnapshot s = SnapshotJson.read(Path.of(nf[1]));
            rows.add(measure(nf[0], s));
            UiBench.log("readability: " + rows.get(rows.size() - 1));
        }
        write(report, rows);
        Runtime.getRuntime().halt(0);
    }

    static Row measure(String name, TopologySnapshot s) throws Exception {
        TopologyGraph g = TopologyGraph.from(s);
        long running = s.containers().stream().filter(c -> c.running()).count();
        long networks = s.networks().size();
        long groups = g.nodes().stream().filter(n -> n.kind() == NodeKind.GROUP).count();
        String workload = String.format(Locale.ROOT, "%d containers (%d running) / %d networks / %d groups, %d vertices",
                s.containers().size(), running, networks, groups, g.nodes().size());
        // Pictures, as `netlens export` lays them out.
        LayoutEngine pictures = new StableLayout(Pictures.layoutEngine());
        Drawing whole = DrawingBuilder.whole(g, pictures.layout(g), PictureOptions.plain());
        Set<String> auto = AutoCollapse.choose(g, Pictures.layoutEngine(), PictureOptions.plain());
        TopologyGraph folded = g.collapsed(auto);
        Layout autoLayout = pictures.layout(folded);
        Drawing autoDrawing = DrawingBuilder.whole(folded, autoLayout, PictureOptions.plain());
        boolean fits = autoDrawing.width() <= 2560 && autoDrawing.height() <= 1440;
        boolean named = everyRunningNamed(folded, autoLayout);
        PngFit png2 = PngFit.of(DrawingBuilder.whole(g, pictures.layout(g), PictureOptions.plain()), 2, PngFit.DEFAULT_MAX_SIDE);
        int[] png = {png2.width(), png2.height()};
        // The window's layout: quality and time.
        LayoutEngine window = new StableLayout(new StackLayout(new FxLabelMetrics()));
        Layout l = null;
        List<Double> times = new ArrayList<>();
        for (int r = -2; r < 5; r++) {
            long t0 = System.nanoTime();
            l = window.layout(TopologyGraph.from(s), Layout.EMPTY, () -> false);
            if (r >= 0) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        String quality = LayoutQuality.crossings(g, l) + " / " + LayoutQuality.passThroughs(g, l);
        String[] names = namesAtFit(s);
        return new Row(name, workload, size(whole), size(autoDrawing) + (auto.isEmpty() ? " (nothing folded)"
                : " (" + auto.size() + " of " + groups + " groups folded)"), (fits ? "yes" : "**no**") + " / "
                + (named ? "yes" : "**no**"), png[0] + " x " + png[1] + (png2.scaledDown() ? " (scaled to fit)" : ""), quality,
                String.format(Locale.ROOT, "%.0f", UiBench.pct(times, 50)), names[0], names[1], names[2]);
    }

    private static String size(Drawing d) {
        return String.format(Locale.ROOT, "%.0f x %.0f", d.width(), d.height());
    }

    /** Every running container is drawn (a placed CONTAINER vertex) or named in a summary. */
    static boolean everyRunningNamed(TopologyGraph g, Layout l) {
        Set<String> named = new HashSet<>();
        for (TopoNode n : g.nodes()) {
            if (running(n) && l.rects().containsKey(n.id())) {
                named.add(n.label());
            }
            if (n.kind() == NodeKind.SUMMARY && l.rects().containsKey(n.id())) {
                named.addAll(Collapse.memberNames(n));
            }
        }
        for (TopoNode n : g.nodes()) {
            if (running(n) && !named.contains(n.label())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A running container's vertex. The graph's sub-kinds are typed (issue 16): comparing them with the
     * text "running", as this bench did, counted no container at all (the run of 2026-12-04 printed
     * "NaN px, 0 of 0" and named "every running container" of none).
     */
    private static boolean running(TopoNode n) {
        return n.kind() == NodeKind.CONTAINER && n.subKind() == SubKind.ContainerState.RUNNING;
    }

    /** Name heights on screen at fit in the 1920x1080 window: containers, networks, groups (min, and how many named). */
    static String[] namesAtFit(TopologySnapshot s) throws Exception {
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        Stage stage = UiBench.fx(Stage::new);
        MainWindow w = UiBench.fx(() -> {
            MainWindow m = new MainWindow(s, executor);
            stage.setScene(new Scene(m.root(), 1920, 1080));
            stage.show();
            return m;
        });
        long deadline = System.currentTimeMillis() + 120_000;
        while (UiBench.fx(() -> w.state().frame().layout().rects().isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        UiBench.fx(() -> {
            w.canvas().fitToWindow();
            return null;
        });
        Thread.sleep(800);
        String[] out = UiBench.fx(() -> {
            TopologyCanvasView c = w.canvas();
            TopologyGraph g = w.state().frame().graph();
            List<OverviewNames.ShownName> shown = c.overviewNames();
            double zoom = c.zoom();
            return new String[] {heights(g, shown, zoom, Set.of(NodeKind.CONTAINER)),
                    heights(g, shown, zoom, Set.of(NodeKind.BRIDGE, NodeKind.NETWORK)),
                    heights(g, shown, zoom, Set.of(NodeKind.GROUP, NodeKind.HOST))};
        });
        UiBench.fx(() -> {
            stage.close();
            return null;
        });
        return out;
    }

    private static String heights(TopologyGraph g, List<OverviewNames.ShownName> shown, double zoom, Set<NodeKind> kinds) {
        long total = g.nodes().stream().filter(n -> kinds.contains(n.kind()) && g.isDrawn(n)
                && !(n.kind() == NodeKind.CONTAINER && !running(n))).count();
        if (shown.isEmpty()) {
            // World text is shown: every name at its type size times the zoom.
            double px = (kinds.contains(NodeKind.GROUP) ? TypeScale.GROUP_TITLE : TypeScale.LABEL) * zoom;
            return String.format(Locale.ROOT, "%.1f px, %d of %d (world text, zoom %.2f)", px, total, total, zoom);
        }
        List<OverviewNames.ShownName> mine = shown.stream().filter(n -> kinds.contains(n.kind())
                && !(n.kind() == NodeKind.CONTAINER && !g.node(n.id()).map(ReadabilityBench::running).orElse(true)))
                .toList();
        double min = mine.stream().mapToDouble(OverviewNames.ShownName::height).min().orElse(Double.NaN);
        long whole = mine.stream().filter(OverviewNames.ShownName::whole).count();
        Set<String> shownIds = new HashSet<>();
        mine.forEach(n -> shownIds.add(n.id()));
        List<String> missing = g.nodes().stream().filter(n -> kinds.contains(n.kind()) && g.isDrawn(n)
                && !(n.kind() == NodeKind.CONTAINER && !running(n)) && !shownIds.contains(n.id()))
                .map(n -> n.caption() != null && n.kind() == NodeKind.BRIDGE ? n.caption().split(" · ")[0] : n.label())
                .limit(4).toList();
        return String.format(Locale.ROOT, "%.1f px, %d of %d (%d whole; overview names, zoom %.2f)%s", min, mine.size(), total,
                whole, zoom, missing.isEmpty() || kinds.contains(NodeKind.CONTAINER) ? "" : "; not named: " + String.join(", ", missing));
    }

    static void write(Path report, List<Row> rows) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("<!-- readability:start -->\n## Readability at real scale (issue 12)\n\n");
        md.append("Written by `ReadabilityBench` (bench/run.sh, or alone: `bash bench/readability.sh`). Pictures are laid out as "
                + "`netlens export` does (Java2D font measures); `--collapse auto` folds the largest groups until the 1x picture "
                + "fits 2,560 x 1,440 (a folded group lists its running containers). Names at fit: the real window, 1920x1080 with "
                + "the side panel, headless (Monocle), after fit-to-window: the smallest name of each kind on screen, and how "
                + "many are named. Goals: at ~50 containers every container and network name >= 9 px at fit and the 1x picture "
                + "within 2,560 x 1,440; at 200/20 every network or group name >= 9 px; layout of 2,500 vertices < 1 s (the UI "
                + "figure above).\n\n");
        md.append("| workload | 1x picture, nothing folded | 1x picture, `--collapse auto` | auto fits 2560x1440 / names every "
                + "running container | 2x PNG written (nothing folded) | crossings / pass-throughs (window layout) | layout (ms) | "
                + "container names at fit | network names at fit | group and host names at fit |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| **").append(r.name()).append("**: ").append(r.workload()).append(" | ").append(r.picture())
                    .append(" | ").append(r.pictureAuto()).append(" | ").append(r.fitsAndNamed()).append(" | ")
                    .append(r.png2x()).append(" | ").append(r.crossings()).append(" | ").append(r.layoutMs()).append(" | ")
                    .append(r.containerNames()).append(" | ").append(r.networkNames()).append(" | ")
                    .append(r.groupNames()).append(" |\n");
        }
        md.append("<!-- readability:end -->\n");
        String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        int a = text.indexOf("<!-- readability:start -->");
        int b = text.indexOf("<!-- readability:end -->");
        String next = a >= 0 && b > a ? text.substring(0, a) + md + text.substring(b + "<!-- readability:end -->\n".length())
                : text + (text.endsWith("\n") || text.isEmpty() ? "\n" : "\n\n") + md;
        Files.writeString(report, next, StandardCharsets.UTF_8);
    }
}

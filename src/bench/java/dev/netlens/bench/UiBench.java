package dev.netlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.SyntheticSnapshots;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LayoutEngine;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.live.DockerEngineEvents;
import dev.netlens.live.EngineEvents;
import dev.netlens.live.LiveTopology;
import dev.netlens.live.LiveUpdate;
import dev.netlens.live.SnapshotChange;
import dev.netlens.render.Drawing;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.Pictures;
import dev.netlens.render.PngWriter;
import dev.netlens.render.SvgWriter;
import dev.netlens.render.Theme;
import dev.netlens.render.TilePlan;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.topology.FxLabelMetrics;
import dev.netlens.ui.topology.TopologyCanvasView;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.stage.Stage;

/**
 * The user-interface figures of issue 6, in a JavaFX that runs headless under Monocle (as the
 * tests do). One command per JVM:
 * <ul>
 * <li>{@code graph RESULTS ROUNDS}: layout, frame time while panning/zooming, PNG 2x / SVG export of
 *     the synthetic 2,000-node graph ({@link #bigGraph});</li>
 * <li>{@code heap RESULTS CONTAINERS}: used heap after GC with a window holding a synthetic snapshot;</li>
 * <li>{@code startevent RESULTS STARTS}: engine start event -> node on the canvas, live window on the engine;</li>
 * <li>{@code idle RESULTS SECONDS}: CPU of the live window while nothing changes.</li>
 * </ul>
 */
public final class UiBench {
    /** The engine the live figures use; {@code -Dbench.endpoint=URI} picks another (a second, quieter one). */
    static final String ENDPOINT = System.getProperty("bench.endpoint", "unix:///var/run/docker.sock");
    static final String LABEL = "netlens.bench";
    private static final Pattern PULSE = Pattern.compile("(?:PULSE: \\d+ \\[|\\[\\d+ )(\\d+)ms:(\\d+)ms\\]");
    /** Diagnostic: -Dbench.pulseDetail=FILE copies the pulse logger's full lines (phases) while measuring. */
    private static final PrintStream PULSE_DETAIL = pulseDetail();
    /** Where the pulse logger's lines go now (null: dropped). */
    private static volatile List<Integer> pulseSink;

    private UiBench() {
    }

    private static PrintStream pulseDetail() {
        String file = System.getProperty("bench.pulseDetail");
        if (file == null) {
            return null;
        }
        try {
            return new PrintStream(Files.newOutputStream(Path.of(file)), true, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The graph of the layout, frame and export figures: 1 host, 40 bridge networks, 200 containers
     * with 5 legs each: 2,503 nodes and 3,060 links (the generator cannot reach 1.5 links per node with
     * fewer nodes, so the node count is above the 2,000).
     */
    static TopologySnapshot bigGraph() {
        return SyntheticSnapshots.networks(1, 40, 200, 5, false);
    }

    public static void main(String[] args) throws Exception {
        dev.netlens.Launcher.preferVfork(); // as the application starts its processes
        Results results = new Results(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        if (System.getProperty("javafx.pulseLogger") != null) {
            tapPulseLogger();
        }
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        switch (args[0]) {
            case "graph" -> graph(results, n);
            case "heap" -> heap(results, n);
            case "startevent" -> startEvent(results, n);
            case "idle" -> idle(results, n);
            default -> throw new IllegalArgumentException(args[0]);
        }
        halt();
    }

    /** Halts the JVM (skipping exit hooks, which hang on JavaFX threads), first writing any flight recording started for diagnosis. */
    static void halt() throws java.io.IOException {
        for (var recording : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) {
            if (recording.getDestination() != null) {
                recording.dump(recording.getDestination());
            }
        }
        Runtime.getRuntime().halt(0);
    }

    // ---- layout, frames, export -------------------------------------------------------------------

    private static void graph(Results results, int rounds) throws Exception {
        TopologySnapshot snapshot = bigGraph();
        TopologyGraph g = TopologyGraph.from(snapshot);
        String scale = "2000";
        results.meta("graph", Map.of("nodes", g.nodes().size(), "links", g.links().size(),
                "containers", snapshot.containers().size(), "networks", snapshot.networks().size()));
        log("graph: " + g.nodes().size() + " nodes, " + g.links().size() + " links");

        // Layout, as the window does it off the FX thread: graph + StableLayout(StackLayout(FX metrics)).
        LayoutEngine engine = new StableLayout(new StackLayout(new FxLabelMetrics()));
        List<Double> layout = new ArrayList<>();
        List<Double> graphBuild = new ArrayList<>();
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            TopologyGraph graph = TopologyGraph.from(snapshot);
            long t1 = System.nanoTime();
            Layout l = engine.layout(graph, Layout.EMPTY, () -> false);
            long t2 = System.nanoTime();
            if (r >= 0) {
                layout.add(ms(t2 - t0));
                graphBuild.add(ms(t1 - t0));
            }
            if (r == rounds - 1) {
                results.meta("layout", Map.of("width", l.bounds().w(), "height", l.bounds().h()));
            }
        }
        if (Boolean.getBoolean("bench.framesOnly")) {
            rounds = Math.max(1, rounds);
        }
        results.metric("ui_layout", scale, "ms", layout);
        results.metric("ui_layout_graph", scale, "ms", graphBuild);
        log("layout " + layout);

        // Frames while panning and zooming, against an empty scene, interleaved round by round.
        Stage graphStage = fx(() -> new Stage());
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(snapshot, executor);
            graphStage.setScene(new Scene(w.root(), 1920, 1080));
            return w;
        });
        Stage emptyStage = fx(() -> new Stage());
        Pane emptyWorld = new Pane();
        Translate emptyPan = new Translate();
        Scale emptyScale = new Scale(1, 1, 0, 0);
        fx(() -> {
            emptyWorld.getTransforms().addAll(emptyPan, emptyScale);
            Pane root = new Pane(emptyWorld);
            emptyStage.setScene(new Scene(root, 1920, 1080, Color.WHITE));
            return null;
        });
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> overview = new ArrayList<>();
        List<Double> reading = new ArrayList<>();
        List<Double> e50 = new ArrayList<>();
        List<Double> e95 = new ArrayList<>();
        boolean shown = false;
        int paintedReading = 0;
        for (int r = -1; r < rounds; r++) {
            // The empty scene.
            fx(() -> {
                emptyStage.show();
                return null;
            });
            List<Integer> empty = animate(frame -> {
                emptyPan.setX(frame < 90 ? 8 * frame : 720);
                double z = frame < 90 ? 1 : frame < 135 ? Math.pow(1.03, frame - 90) : Math.pow(1.03, 180 - frame);
                emptyScale.setX(z);
                emptyScale.setY(z);
            });
            fx(() -> {
                emptyStage.hide();
                return null;
            });
            // The window with the graph: once at fit-to-window (all of it in view), once at reading size.
            fx(() -> {
                graphStage.show();
                return null;
            });
            if (!shown) {
                waitFor(() -> window.canvas().viewOf(firstContainer(snapshot)).isPresent(), 120_000);
                shown = true;
            }
            TopologyCanvasView canvas = window.canvas();
            fx(() -> {
                canvas.fitToWindow();
                return null;
            });
            restBeforeGesture(canvas);
            List<Integer> fit = animate(panZoom(canvas));
            String fitCpu = lastCpu;
            fx(() -> {
                canvas.centreOn(firstContainer(snapshot));
                return null;
            });
            restBeforeGesture(canvas);
            List<Integer> near = animate(panZoom(canvas));
            log("  fit " + fitCpu + "; reading " + lastCpu);
            log("  fit " + phases(fit) + "; reading " + phases(near));
            fx(() -> {
                graphStage.hide();
                return null;
            });
            if (r < 0) {
                continue; // warm-up round
            }
            List<Integer> all = new ArrayList<>(fit);
            all.addAll(near);
            p50.add(pct(all, 50));
            p95.add(pct(all, 95));
            overview.add(pct(fit, 50));
            reading.add(pct(near, 50));
            e50.add(pct(empty, 50));
            e95.add(pct(empty, 95));
            log("frames round " + r + ": graph p50 " + pct(all, 50) + " p95 " + pct(all, 95) + " (fit " + pct(fit, 50)
                    + ", reading " + pct(near, 50) + "), empty p50 " + pct(empty, 50) + " p95 " + pct(empty, 95));
        }
        results.metric("ui_frame_p50", scale, "ms", p50);
        results.metric("ui_frame_p95", scale, "ms", p95);
        results.metric("ui_frame_fit_p50", scale, "ms", overview);
        results.metric("ui_frame_reading_p50", scale, "ms", reading);
        results.metric("ui_frame_empty_p50", scale, "ms", e50);
        results.metric("ui_frame_empty_p95", scale, "ms", e95);
        // Diagnostic: shapes painted at rest at fit (text hidden, nothing culled) and at reading size.
        fx(() -> {
            graphStage.show();
            window.canvas().fitToWindow();
            return null;
        });
        Thread.sleep(1000); // the camera settles: the shapes, not the pictures standing in for them
        pulses(5);
        int paintedFit = fx(() -> countPainted(window.canvas()));
        fx(() -> {
            window.canvas().centreOn(firstContainer(snapshot));
            return null;
        });
        Thread.sleep(1000);
        pulses(5);
        paintedReading = fx(() -> countPainted(window.canvas())); // what culling leaves at reading size
        fx(() -> {
            graphStage.hide();
            return null;
        });
        results.meta("frames", Map.of("canvasNodes", fx(() -> countNodes(window.canvas())),
                "paintedFit", paintedFit, "paintedReading", paintedReading,
                "sceneNodes", fx(() -> countNodes(window.root()))));
        log("canvas nodes painted at fit (at rest) " + paintedFit + ", at reading size " + paintedReading);
        executor.close();
        if (Boolean.getBoolean("bench.framesOnly")) {
            return; // diagnostic runs: frames only
        }

        // Export through dev.netlens.render: the whole export, drawing model included, into a file.
        Path dir = Path.of(args0Dir(results));
        List<Double> png = new ArrayList<>();
        List<Double> svg = new ArrayList<>();
        List<Double> drawing = new ArrayList<>();
        List<Double> pngWrite = new ArrayList<>();
        TilePlan plan = null;
        long svgBytes = 0;
        for (int r = -1; r < rounds; r++) {
            long t0 = System.nanoTime();
            Drawing d = Pictures.of(new SnapshotFile(snapshot, Map.of()), new PictureOptions(Theme.LIGHT, "bench", true, null));
            long t1 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("bench-2x.png")))) {
                plan = new PngWriter().write(d, 2, out, f -> { });
            }
            long t2 = System.nanoTime();
            Drawing d2 = Pictures.of(new SnapshotFile(snapshot, Map.of()), new PictureOptions(Theme.LIGHT, "bench", true, null));
            String text = SvgWriter.toSvg(d2, 1);
            Files.writeString(dir.resolve("bench.svg"), text, StandardCharsets.UTF_8);
            long t3 = System.nanoTime();
            svgBytes = text.length();
            if (r >= 0) {
                png.add(ms(t2 - t0));
                svg.add(ms(t3 - t2));
                drawing.add(ms(t1 - t0));
                pngWrite.add(ms(t2 - t1));
            }
        }
        results.metric("ui_export_png2x", scale, "ms", png);
        results.metric("ui_export_svg", scale, "ms", svg);
        results.metric("ui_export_drawing", scale, "ms", drawing);
        results.metric("ui_export_png_write", scale, "ms", pngWrite);
        results.meta("export", Map.of("pngWidth", plan.width(), "pngHeight", plan.height(), "tiles", plan.tiles().size(),
                "pngBytes", Files.size(dir.resolve("bench-2x.png")), "svgBytes", svgBytes));
        log("export png " + png + " svg " + svg);
    }

    private static String args0Dir(Results results) {
        return System.getProperty("bench.out", "target/bench");
    }

    /**
     * Each gesture starts from a view the user has looked at for a moment, as after a jump (fit, a
     * search) a user looks before dragging: the canvas takes its pictures for the next gesture while
     * the camera rests (StandInTiles), a part a pulse. At least 1 s, until they are taken, at most 5 s.
     */
    static void restBeforeGesture(TopologyCanvasView canvas) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(1000);
        // -Dbench.restMaxMs: a longer wait for diagnostic runs on a loaded machine (the pictures take longer).
        long deadline = System.nanoTime() + (Long.getLong("bench.restMaxMs", 5000) - 1000) * 1_000_000L;
        while (!fx(canvas::standInPrepared) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        log("  rested, pictures taken: " + fx(canvas::standInPrepared) + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    static Consumer<Integer> panZoom(TopologyCanvasView canvas) {
        return frame -> {
            if (frame == 0) {
                Event(canvas, MouseEvent.MOUSE_PRESSED, 600, 500);
            } else if (frame < 90) {
                Event(canvas, MouseEvent.MOUSE_DRAGGED, 600 + 8 * frame, 500 + 2 * frame);
            } else if (frame == 90) {
                Event(canvas, MouseEvent.MOUSE_RELEASED, 600 + 8 * 89, 500 + 2 * 89);
            } else if (frame < 135) {
                canvas.zoomBy(1.03);
            } else {
                canvas.zoomBy(1 / 1.03);
            }
        };
    }

    @SuppressWarnings("checkstyle:MethodName")
    private static void Event(Node target, javafx.event.EventType<MouseEvent> type, double x, double y) {
        MouseEvent e = new MouseEvent(type, x, y, x, y, MouseButton.SECONDARY, 1, false, false, false, false, false,
                false, type != MouseEvent.MOUSE_RELEASED, false, false, false, null);
        javafx.event.Event.fireEvent(target, e);
    }

    /** Runs {@code step} in 180 successive pulses (the pulse logger times each); returns their durations. */
    static List<Integer> animate(Consumer<Integer> step) throws InterruptedException {
        long[] cpu0 = fxCpu();
        java.time.LocalTime from = java.time.LocalTime.now();
        try {
            return animateTimed(step);
        } finally {
            log("  gesture " + from + " " + java.time.LocalTime.now()); // to cut a flight recording to the gestures
            long[] cpu1 = fxCpu();
            lastCpu = String.format(java.util.Locale.ROOT, "cpu/pulse fx %.1f ms, render %.1f ms",
                    (cpu1[0] - cpu0[0]) / 1e6 / 180, (cpu1[1] - cpu0[1]) / 1e6 / 180);
        }
    }

    /** Diagnostic beside the pulse times: CPU of the FX and render threads per pulse (robust to a loaded machine). */
    static volatile String lastCpu = "";

    private static long[] fxCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        long fx = 0;
        long render = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long c = mx.getThreadCpuTime(t.getId());
            if (t.getName().startsWith("JavaFX Application Thread")) {
                fx += c;
            } else if (t.getName().startsWith("QuantumRenderer")) {
                render += c;
            }
        }
        return new long[] {fx, render};
    }

    private static List<Integer> animateTimed(Consumer<Integer> step) throws InterruptedException {
        List<Integer> sink = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        int settle = 10;
        fx(() -> {
            new AnimationTimer() {
                int frame = -settle;

                @Override
                public void handle(long now) {
                    if (frame == 0) {
                        pulseSink = sink;
                    }
                    if (frame >= 0 && frame < 180) {
                        step.accept(frame);
                    }
                    if (++frame > 182) {
                        pulseSink = null;
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        done.await(120, TimeUnit.SECONDS);
        synchronized (sink) {
            return new ArrayList<>(sink);
        }
    }

    /** The pulse logger (-Djavafx.pulseLogger=true) prints each pulse's duration; this reads them. */
    static void tapPulseLogger() {
        PrintStream original = System.err;
        OutputStream tap = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n' || b == ']') {
                    if (b == ']') {
                        line.write(b);
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    Matcher m = PULSE.matcher(text);
                    List<Integer> sink = pulseSink;
                    if (sink != null && PULSE_DETAIL != null) {
                        PULSE_DETAIL.println(text); // diagnostic: the logger's phases (CSS, layout, painting...)
                    }
                    while (m.find()) {
                        if (sink != null) {
                            sink.add(Integer.parseInt(m.group(2)));
                        }
                    }
                    return;
                }
                line.write(b);
            }
        };
        PrintStream both = new PrintStream(tap, true, StandardCharsets.UTF_8);
        System.setErr(both);
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                tap.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        UiBench.log = original;
    }

    private static PrintStream log = System.err;

    static void log(String s) {
        log.println("[ui-bench] " + s);
    }

    static String firstContainer(TopologySnapshot s) {
        return TopologyGraph.ctrId(s.containers().get(0).host(), s.containers().get(0).id());
    }

    private static int countNodes(javafx.scene.Parent p) {
        int n = 1;
        for (Node c : p.getChildrenUnmodifiable()) {
            n += c instanceof javafx.scene.Parent q ? countNodes(q) : 1;
        }
        return n;
    }

    /** Nodes the canvas paints now: those whose own and ancestors' visible flags are all set. */
    /** Nodes the renderer visits: visible and not at opacity 0 (culled cells, shapes hidden behind the pictures). */
    private static int countPainted(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return 0;
        }
        int count = 1;
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                count += countPainted(c);
            }
        }
        return count;
    }

    // ---- heap ------------------------------------------------------------------------------------

    private static void heap(Results results, int containers) throws Exception {
        TopologySnapshot snapshot = SyntheticSnapshots.networks(1, 20, containers, 2, true);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(null, executor);
            Stage stage = new Stage();
            stage.setScene(new Scene(w.root(), 1920, 1080));
            stage.show();
            return w;
        });
        pulses(5);
        double before = usedAfterGc();
        window.show(snapshot);
        waitFor(() -> window.canvas().viewOf(firstContainer(snapshot)).isPresent(), 120_000);
        pulses(40); // fades finished, CSS applied
        double after = usedAfterGc();
        TopologyGraph g = window.state().frame().graph();
        String scale = Integer.toString(containers);
        results.metric("ui_heap", scale, "MB", List.of(after));
        results.metric("ui_heap_empty_window", scale, "MB", List.of(before));
        results.meta("uiheap", Map.of("nodes", g.nodes().size(), "links", g.links().size(),
                "sceneNodes", fx(() -> countNodes(window.root())),
                "maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576.0));
        log("heap: empty window " + before + " MB, with " + containers + " containers " + after + " MB");
        executor.close();
    }

    private static double usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    // ---- live: start event -> node, idle CPU ------------------------------------------------------

    /** The window wired to the engine as the application does it (LiveConnection's onUpdate). */
    private static final class LiveWindow implements AutoCloseable {
        final MainWindow window;
        final LiveTopology live;
        final String hostId;
        final Map<String, Long> eventArrived = new ConcurrentHashMap<>();
        final Map<String, Long> eventStamp = new ConcurrentHashMap<>();
        final List<long[]> updates = Collections.synchronizedList(new ArrayList<>()); // [arrived, onFx]
        final FxBackgroundExecutor executor = new FxBackgroundExecutor();
        volatile TopologySnapshot shown;

        LiveWindow(Discovery discovery) throws Exception {
            DiscoveryResult first = discovery.discover(List.of(ENDPOINT));
            shown = first.snapshot();
            hostId = shown.hosts().get(0).id();
            window = fx(() -> {
                MainWindow w = new MainWindow(shown, executor);
                Stage stage = new Stage();
                stage.setScene(new Scene(w.root(), 1920, 1080));
                stage.show();
                return w;
            });
            DockerEngineEvents docker = new DockerEngineEvents();
            EngineEvents tapped = new EngineEvents() {
                @Override
                public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
                    docker.stream(endpoint, onConnected, event -> {
                        long now = nowNs();
                        if ("start".equals(event.path("Action").asText())
                                && "1".equals(event.path("Actor").path("Attributes").path(LABEL).asText())) {
                            String id = event.path("Actor").path("ID").asText();
                            eventArrived.put(id, now);
                            eventStamp.put(id, event.path("timeNano").asLong());
                        }
                        onEvent.accept(event);
                    });
                }

                @Override
                public void closeAll() {
                    docker.closeAll();
                }
            };
            live = new LiveTopology(List.of(ENDPOINT), discovery, tapped, Duration.ofSeconds(5), Clock.systemUTC(),
                    this::onUpdate);
            live.start();
        }

        private void onUpdate(LiveUpdate update) {
            long arrived = nowNs();
            TopologySnapshot next = update.snapshot();
            boolean publish = !next.hosts().isEmpty() && !SnapshotChange.sameTopology(shown, next);
            if (publish) {
                shown = next;
            }
            Platform.runLater(() -> {
                updates.add(new long[] {arrived, nowNs()});
                if (publish) {
                    window.showLive(next);
                }
                window.setStaleHosts(update.staleHosts());
            });
        }

        @Override
        public void close() {
            live.close();
            executor.close();
        }
    }

    private static void startEvent(Results results, int starts) throws Exception {
        try (Discovery discovery = Discovery.local()) {
            LiveWindow lw = new LiveWindow(discovery);
            TopologyCanvasView canvas = lw.window.canvas();
            Map<String, Long> frameAt = new ConcurrentHashMap<>();
            Map<String, Long> drawnAt = new ConcurrentHashMap<>();
            Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
            List<String> seenInFrame = Collections.synchronizedList(new ArrayList<>());
            fx(() -> {
                // Added after the canvas's own listener: called once the canvas has reconciled the frame.
                lw.window.canvasModel().frameProperty().addListener((o, a, b) -> {
                    long now = nowNs();
                    for (String id : waiting.keySet()) {
                        if (!frameAt.containsKey(id) && canvas.viewOf(TopologyGraph.ctrId(lw.hostId, id))
                                .filter(Node::isVisible).isPresent()) {
                            frameAt.put(id, now);
                            seenInFrame.add(id);
                        }
                    }
                });
                // The next pulse after that draws it: that is when it is on the canvas.
                canvas.getScene().addPostLayoutPulseListener(() -> {
                    long now = nowNs();
                    synchronized (seenInFrame) {
                        for (String id : seenInFrame) {
                            drawnAt.put(id, now);
                            CountDownLatch l = waiting.remove(id);
                            if (l != null) {
                                l.countDown();
                            }
                        }
                        seenInFrame.clear();
                    }
                });
                return null;
            });
            Thread.sleep(3000); // the first resync and its layout
            List<Double> latency = new ArrayList<>();
            List<Double> delivery = new ArrayList<>();
            List<Double> refresh = new ArrayList<>();
            List<Double> toFx = new ArrayList<>();
            List<Double> layout = new ArrayList<>();
            List<Double> draw = new ArrayList<>();
            int timeouts = 0;
            for (int i = 0; i < starts; i++) {
                String name = "nlbench-se-" + i;
                CountDownLatch latch = new CountDownLatch(1);
                String id = docker("run", "-d", "--label", LABEL + "=1", "--name", name, "netlens/busybox:lab",
                        "sleep", "infinity");
                waiting.put(id, latch);
                // The frame that shows it may have come before we registered: look once more on the FX thread.
                fx(() -> {
                    if (canvas.viewOf(TopologyGraph.ctrId(lw.hostId, id)).filter(Node::isVisible).isPresent()) {
                        frameAt.putIfAbsent(id, nowNs());
                        seenInFrame.add(id);
                        Platform.requestNextPulse();
                    }
                    return null;
                });
                if (!latch.await(15, TimeUnit.SECONDS)) {
                    timeouts++;
                    waiting.remove(id);
                    continue;
                }
                Long stamp = lw.eventStamp.get(id);
                Long arrived = lw.eventArrived.get(id);
                if (stamp == null || arrived == null) {
                    timeouts++;
                    continue;
                }
                long drawn = drawnAt.get(id);
                long framed = frameAt.get(id);
                latency.add(ms(drawn - stamp));
                delivery.add(ms(arrived - stamp));
                // The update that carried it: the last one handed to the FX thread before its frame.
                long[] carrier = null;
                synchronized (lw.updates) {
                    for (long[] u : lw.updates) {
                        if (u[1] <= framed && u[0] >= arrived) {
                            carrier = u;
                            break;
                        }
                    }
                }
                if (carrier != null) {
                    refresh.add(ms(carrier[0] - arrived));
                    toFx.add(ms(carrier[1] - carrier[0]));
                    layout.add(ms(framed - carrier[1]));
                }
                draw.add(ms(drawn - framed));
                if (i % 10 == 9) {
                    log("start event -> canvas, " + (i + 1) + " starts: last " + ms(drawn - stamp) + " ms");
                }
            }
            results.metric("ui_start_to_canvas_p50", "-", "ms", List.of(pct(latency, 50)));
            results.metric("ui_start_to_canvas_p95", "-", "ms", List.of(pct(latency, 95)));
            results.metric("ui_start_to_canvas", "-", "ms", latency);
            results.metric("ui_start_event_delivery", "-", "ms", delivery);
            results.metric("ui_start_refresh", "-", "ms", refresh);
            results.metric("ui_start_to_fx", "-", "ms", toFx);
            results.metric("ui_start_layout", "-", "ms", layout);
            results.metric("ui_start_draw", "-", "ms", draw);
            results.meta("startevent", Map.of("starts", starts, "measured", latency.size(), "timeouts", timeouts));
            lw.close();
        }
    }

    private static void idle(Results results, int seconds) throws Exception {
        try (Discovery discovery = Discovery.local()) {
            LiveWindow lw = new LiveWindow(discovery);
            Thread.sleep(15_000); // first layout of the whole engine, fades, JIT
            int windows = 3;
            List<Double> withChildren = new ArrayList<>();
            List<Double> jvmOnly = new ArrayList<>();
            int updatesBefore = lw.updates.size();
            for (int w = 0; w < windows; w++) {
                long[] c0 = cpuTicks();
                long j0 = jvmCpuNs();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L / windows);
                long wall = System.nanoTime() - t0;
                long[] c1 = cpuTicks();
                long j1 = jvmCpuNs();
                withChildren.add(100.0 * ((c1[0] + c1[1]) - (c0[0] + c0[1])) * 10_000_000L / wall);
                jvmOnly.add(100.0 * (j1 - j0) / wall);
                log("idle window " + w + ": " + withChildren.get(w) + " % with children, " + jvmOnly.get(w) + " % JVM");
            }
            int updates = lw.updates.size() - updatesBefore;
            lw.close();
            // What one resync costs, the same discovery called directly.
            List<Double> cpuPerDiscovery = new ArrayList<>();
            List<Double> wallPerDiscovery = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long[] c0 = cpuTicks();
                long t0 = System.nanoTime();
                discovery.discover(List.of(ENDPOINT));
                long[] c1 = cpuTicks();
                wallPerDiscovery.add(ms(System.nanoTime() - t0));
                cpuPerDiscovery.add((double) ((c1[0] + c1[1]) - (c0[0] + c0[1])) * 10);
            }
            // The timer's safety pass runs once per LiveTopology.FULL_RESYNC, longer than these windows
            // (none of them holds one unless "updates" says so): each window is charged its share.
            double periodMs = dev.netlens.live.LiveTopology.FULL_RESYNC.toMillis();
            double passShare = 100.0 * cpuPerDiscovery.stream().sorted().toList().get(cpuPerDiscovery.size() / 2) / periodMs;
            results.metric("ui_idle_cpu", "200", "%", withChildren.stream().map(w -> w + passShare).toList());
            results.metric("ui_idle_cpu_ticks", "200", "%", withChildren);
            results.metric("ui_idle_cpu_jvm", "200", "%", jvmOnly);
            results.metric("ui_idle_discovery_cpu", "200", "ms", cpuPerDiscovery);
            results.metric("ui_idle_discovery_wall", "200", "ms", wallPerDiscovery);
            results.meta("idle", Map.of("seconds", seconds, "updates", updates, "fullResyncSeconds", periodMs / 1000,
                    "containers", lw.shown.containers().size()));
        }
    }

    /** {self utime+stime, children cutime+cstime} in clock ticks (1/100 s) from /proc/self/stat. */
    private static long[] cpuTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the comm field: state(0) ... utime(11) stime(12) cutime(13) cstime(14).
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
    }

    private static long jvmCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", ENDPOINT));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed");
        }
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static long nowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static double ms(long ns) {
        return ns / 1e6;
    }

    /** p50/p95 of a pan-zoom gesture's three phases (pan, zoom in, zoom out), to see which misses. */
    private static String phases(List<Integer> frames) {
        if (frames.size() < 180) {
            return "(" + frames.size() + " frames)";
        }
        return "pan " + pct(frames.subList(0, 90), 50) + "/" + pct(frames.subList(0, 90), 95)
                + ", in " + pct(frames.subList(90, 135), 50) + "/" + pct(frames.subList(90, 135), 95)
                + ", out " + pct(frames.subList(135, 180), 50) + "/" + pct(frames.subList(135, 180), 95)
                + ", slowest " + frames.stream().sorted(Collections.reverseOrder()).limit(6).toList()
                + " first at frame " + frames.indexOf(Collections.max(frames));
    }

    static double pct(List<? extends Number> values, int p) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static <T> T fx(Callable<T> work) throws InterruptedException {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void pulses(int n) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        fx(() -> {
            new AnimationTimer() {
                int k;

                @Override
                public void handle(long now) {
                    if (++k >= n) {
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        done.await(60, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!fx(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }
}

package dev.netlens.bench;

import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.traffic.InterfaceRate;
import dev.netlens.traffic.RateSnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.topology.TopologyCanvasView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Frame time while rates change on the canvas (issue 14), against the same canvas without rates,
 * interleaved in the same rounds: UiBench's synthetic graph (2,503 vertices, 3,060 links) shown as a
 * live picture at 1920x1080 under Monocle, and a made-up rate feed handed to the window as the
 * sampler's ticks are ({@link MainWindow#showRates}). By default the feed is a stress: a tick every
 * {@link #EVERY} pulses (about 6 a second, 12 times the default 2 s), and at each tick every
 * interface moves to another level (quiet, under the quiet threshold, low, mid, high; one in seven
 * with drops), so every link's marks change each time; {@code -Dbench.ratesEvery=120
 * -Dbench.ratesBusyOneIn=100} is closer to a real host (a tick every 2 s, one interface in 100
 * busy, the rest quiet). Each round measures, with and without the
 * feed: 180 pulses of a camera at rest at fit, and UiBench's drag-then-zoom gesture at fit and at
 * reading size. Beside the pulse times (wall, so a loaded machine lengthens them) the CPU per pulse
 * of the FX and render threads, which load changes less.
 *
 * <pre>java MONOCLE -Djavafx.pulseLogger=true -cp target/bench-classes:target/netlens.jar:target/bench-lib/openjfx-monocle.jar
 *     dev.netlens.bench.RatesFrameBench RESULTS ROUNDS</pre>
 */
public final class RatesFrameBench {
    /** Pulses between two ticks of the feed: 10 (about 6 a second) by default, -Dbench.ratesEvery=120 for the default 2 s. */
    static final int EVERY = Integer.getInteger("bench.ratesEvery", 10);
    /** One interface in this many carries traffic (the rest quiet): 1 (every one) by default. */
    static final int BUSY_ONE_IN = Integer.getInteger("bench.ratesBusyOneIn", 1);
    private static final double[] LEVELS = {0, 500, 20_000, 1_000_000, 20_000_000};

    private RatesFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        Results results = new Results(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        UiBench.tapPulseLogger();
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        TopologySnapshot snapshot = UiBench.bigGraph().withSource("live");
        List<String> interfaces = snapshot.interfaces().stream().map(NetInterface::id).toList();
        Stage stage = UiBench.fx(Stage::new);
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        MainWindow window = UiBench.fx(() -> {
            MainWindow w = new MainWindow(snapshot, executor);
            w.traffic().intervalProperty().set(Duration.ofSeconds(2));
            stage.setScene(new Scene(w.root(), 1920, 1080));
            stage.show();
            return w;
        });
        UiBench.waitFor(() -> window.canvas().viewOf(UiBench.firstContainer(snapshot)).isPresent(), 120_000);
        TopologyCanvasView canvas = window.canvas();
        long[] tick = {0};
        Consumer<Integer> feed = frame -> {
            if (frame % EVERY == 0) {
                window.showRates(rates(interfaces, ++tick[0]));
            }
        };
        Map<String, List<Double>> figures = new HashMap<>();
        for (int r = -1; r < rounds; r++) {
            for (boolean withRates : new boolean[] {false, true}) {
                UiBench.fx(() -> {
                    window.showRates(RateSnapshot.EMPTY);
                    canvas.fitToWindow();
                    return null;
                });
                UiBench.restBeforeGesture(canvas);
                List<Integer> still = UiBench.animate(withRates ? feed : f -> { });
                String stillCpu = UiBench.lastCpu;
                figures.computeIfAbsent("ui_rates_still_fxcpu_" + (withRates ? "rates" : "none"), k -> new ArrayList<>())
                        .add(cpuOf(stillCpu));
                UiBench.fx(() -> {
                    window.showRates(RateSnapshot.EMPTY);
                    canvas.fitToWindow();
                    return null;
                });
                UiBench.restBeforeGesture(canvas);
                Consumer<Integer> gesture = UiBench.panZoom(canvas);
                List<Integer> moving = new ArrayList<>(UiBench.animate(withRates ? gesture.andThen(feed) : gesture));
                UiBench.fx(() -> {
                    window.showRates(RateSnapshot.EMPTY);
                    canvas.centreOn(UiBench.firstContainer(snapshot));
                    return null;
                });
                UiBench.restBeforeGesture(canvas);
                moving.addAll(UiBench.animate(withRates ? gesture.andThen(feed) : gesture));
                String movingCpu = UiBench.lastCpu;
                String name = withRates ? "rates" : "none";
                UiBench.log(String.format("round %d %s: still p50 %.0f p95 %.0f max %.0f (%s); gesture p50 %.0f p95 %.0f max %.0f (reading size: %s); links with a rate %d, marked %d; load %s",
                        r, name, UiBench.pct(still, 50), UiBench.pct(still, 95), UiBench.pct(still, 100), stillCpu,
                        UiBench.pct(moving, 50), UiBench.pct(moving, 95), UiBench.pct(moving, 100), movingCpu,
                        UiBench.fx(() -> window.traffic().linkRatesProperty().get().size()),
                        UiBench.fx(() -> canvas.trafficMarksShown()),
                        java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip()));
                if (r < 0) {
                    continue; // warm-up round
                }
                figures.computeIfAbsent("ui_rates_still_p50_" + name, k -> new ArrayList<>()).add(UiBench.pct(still, 50));
                figures.computeIfAbsent("ui_rates_still_p95_" + name, k -> new ArrayList<>()).add(UiBench.pct(still, 95));
                figures.computeIfAbsent("ui_rates_gesture_p50_" + name, k -> new ArrayList<>()).add(UiBench.pct(moving, 50));
                figures.computeIfAbsent("ui_rates_gesture_p95_" + name, k -> new ArrayList<>()).add(UiBench.pct(moving, 95));
            }
        }
        for (Map.Entry<String, List<Double>> e : figures.entrySet()) {
            results.metric(e.getKey(), "2000", "ms", e.getValue());
            UiBench.log(e.getKey() + " " + e.getValue());
        }
        executor.close();
        UiBench.halt();
    }

    /** The FX and render threads' CPU per pulse (ms) from UiBench's "cpu/pulse fx A ms, render B ms". */
    private static double cpuOf(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fx ([0-9.]+) ms, render ([0-9.]+) ms").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)) : Double.NaN;
    }

    /** Tick {@code k} of the feed: every interface at another level than at tick k - 1. */
    static RateSnapshot rates(List<String> interfaces, long k) {
        Map<String, InterfaceRate> out = new HashMap<>();
        for (int i = 0; i < interfaces.size(); i++) {
            double bytes = i % BUSY_ONE_IN != 0 ? 0 : LEVELS[(int) ((i * 3L + k) % LEVELS.length)];
            // Drops only where traffic flows: a quiet interface of a real host rarely drops (the stress,
            // one in 1, gives them to every seventh interface).
            long drops = i % BUSY_ONE_IN == 0 && (i + k) % 7 == 0 ? 3 : 0;
            out.put(interfaces.get(i), new InterfaceRate(interfaces.get(i), true, bytes / 2, bytes / 2, bytes / 1000,
                    bytes / 1000, drops, 0));
        }
        return new RateSnapshot(k, Duration.ofSeconds(2), out, Map.of(), Map.of(), List.of());
    }
}

package dev.netlens.bench;

import dev.netlens.capture.CaptureSession;
import dev.netlens.capture.CaptureTargets;
import dev.netlens.capture.Wireshark;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.traffic.CounterReader;
import dev.netlens.traffic.RateSampler;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.capture.CaptureDialog;
import dev.netlens.ui.capture.CaptureViewModel;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of traffic on the canvas and of a capture in progress (issue 14), from the real lab
 * at 1920x1080 under Monocle: four busybox containers of its own ({@code nlshot-a..d}, labelled
 * {@code netlens.shots=traffic}, on {@code nlshot-net} 100.126.14.0/24, removed before and after),
 * nlshot-a pinging nlshot-b hard (1,400-byte pings every 20 ms: about 140 kB/s on each link of the
 * path, "mid"), nlshot-c pinging nlshot-d gently (500 bytes every 200 ms: about 5 kB/s, "low"); the
 * lab's own containers send nothing, so their links must stay quiet. The window is the
 * application's, fed by the real sampler every 2 s. Shots: the whole screen at fit, at reading size
 * on nlshot-a (selected: its sparklines), and with a capture of nlshot-a's eth0 running in its dialog.
 *
 * <pre>java MONOCLE -cp target/bench-classes:target/netlens.jar:target/bench-lib/openjfx-monocle.jar dev.netlens.bench.TrafficShots OUTDIR</pre>
 */
public final class TrafficShots {
    static final String ENGINE1 = "unix:///var/run/docker.sock";
    static final String NODE2 = "unix:///run/node2/docker.sock";
    static final String LABEL = "netlens.shots=traffic";
    static final String NETWORK = "nlshot-net";

    private TrafficShots() {
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        dir.mkdirs();
        removeOurs();
        RateSampler sampler = null;
        try {
            docker("network", "create", "--label", LABEL, "--subnet", "100.126.14.0/24",
                    "-o", "com.docker.network.bridge.name=nlshot-br0", NETWORK);
            String[] names = {"nlshot-a", "nlshot-b", "nlshot-c", "nlshot-d"};
            for (int i = 0; i < names.length; i++) {
                docker("run", "-d", "--name", names[i], "--label", LABEL, "--network", NETWORK, "--ip", "100.126.14." + (i + 2),
                        "--stop-timeout", "1", "--dns", "198.18.0.1", "netlens/busybox:lab", "sleep", "900");
            }
            docker("exec", "-d", "nlshot-a", "ping", "-q", "-s", "1400", "-i", "0.02", "-w", "600", "100.126.14.3");
            docker("exec", "-d", "nlshot-c", "ping", "-q", "-s", "500", "-i", "0.2", "-w", "600", "100.126.14.5");
            TopologySnapshot snapshot;
            try (Discovery d = Discovery.local()) {
                snapshot = d.discover(List.of(ENGINE1, NODE2)).snapshot().withSource("live");
            }
            Container a = snapshot.containers().stream().filter(c -> c.name().equals("nlshot-a")).findFirst().orElseThrow();
            String aVertex = TopologyGraph.ctrId(a.host(), a.id());

            Platform.setImplicitExit(false);
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            up.await();
            FxBackgroundExecutor executor = new FxBackgroundExecutor();
            Stage stage = UiBench.fx(Stage::new);
            MainWindow window = UiBench.fx(() -> {
                MainWindow w = new MainWindow(snapshot, executor);
                w.traffic().intervalProperty().set(Duration.ofSeconds(2));
                Scene scene = new Scene(w.root(), 1920, 1080);
                w.installShortcuts(scene);
                stage.setScene(scene);
                stage.setX(0);
                stage.setY(0);
                stage.show();
                return w;
            });
            sampler = new RateSampler(new CounterReader(new ProcessCommandRunner(Duration.ofSeconds(5)), Path.of("/proc")),
                    r -> Platform.runLater(() -> window.showRates(r)));
            sampler.setTopology(snapshot);
            sampler.setInterval(Duration.ofSeconds(2));
            UiBench.waitFor(() -> window.canvas().viewOf(aVertex).isPresent(), 120_000);
            Thread.sleep(9_000); // three ticks: rates from the second on
            UiBench.fx(() -> {
                window.canvas().fitToWindow();
                return null;
            });
            Thread.sleep(3_000);
            shot(new File(dir, "traffic-fit.png"), stage);
            UiBench.log("marked links: " + UiBench.fx(() -> window.traffic().linkRatesProperty().get().values().stream()
                    .filter(r -> r.bytesPerSecond() >= 1000).count()) + " busy of "
                    + UiBench.fx(() -> window.traffic().linkRatesProperty().get().size()));
            UiBench.fx(() -> {
                window.selection().select(aVertex);
                window.canvas().centreOn(aVertex);
                return null;
            });
            Thread.sleep(5_000);
            shot(new File(dir, "traffic-reading.png"), stage);

            Path pcap = Files.createTempFile("nlshot-", ".pcap");
            Files.delete(pcap);
            Stage[] dialog = new Stage[1];
            CaptureViewModel vm = UiBench.fx(() -> {
                CaptureViewModel m = new CaptureViewModel(new CaptureTargets(snapshot).forContainer("nlshot-a"), executor,
                        CaptureSession::start, window.i18n(), Wireshark.find());
                Stage d = new CaptureDialog(m, window.i18n()).show(stage);
                dialog[0] = d;
                d.setX(1920 - 620);
                d.setY(80);
                m.outputProperty().set(pcap);
                m.filterProperty().set("icmp");
                m.start();
                return m;
            });
            UiBench.waitFor(() -> vm.packetsProperty().get() >= 200, 60_000);
            Thread.sleep(1_000);
            shot(new File(dir, "capture-in-progress.png"), stage, dialog[0]);
            UiBench.fx(() -> {
                vm.stop();
                return null;
            });
            UiBench.waitFor(() -> vm.phaseProperty().get() == CaptureViewModel.Phase.DONE, 30_000);
            UiBench.log("capture: " + vm.packetsProperty().get() + " packets, " + Files.size(pcap) + " bytes");
            Files.deleteIfExists(pcap);
            executor.close();
        } finally {
            if (sampler != null) {
                sampler.close();
            }
            removeOurs();
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * The main window's scene at 1920x1080 with every other window shown on it drawn at its place
     * (Monocle's headless screen cannot be read back): a screen as a user sees it, minus window frames
     * (a grey line stands for a dialog's).
     */
    private static void shot(File to, Stage main, Stage... others) throws Exception {
        java.awt.image.BufferedImage screen = SwingFXUtils.fromFXImage(UiBench.fx(() -> main.getScene().snapshot(null)), null);
        java.awt.Graphics2D g = screen.createGraphics();
        for (Stage other : others) {
            java.awt.image.BufferedImage img = SwingFXUtils.fromFXImage(UiBench.fx(() -> other.getScene().snapshot(null)), null);
            int x = (int) (other.getX() - main.getX());
            int y = (int) (other.getY() - main.getY());
            g.drawImage(img, x, y, null);
            g.setColor(new java.awt.Color(0x80, 0x80, 0x80));
            g.drawRect(x - 1, y - 1, img.getWidth() + 1, img.getHeight() + 1);
        }
        g.dispose();
        ImageIO.write(screen, "png", to);
        UiBench.log("wrote " + to);
    }

    private static void removeOurs() throws Exception {
        String ids = docker("ps", "-aq", "--filter", "label=" + LABEL).strip();
        if (!ids.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("rm", "-f"));
            argv.addAll(List.of(ids.split("\\s+")));
            docker(argv.toArray(String[]::new));
        }
        if (!docker("network", "ls", "-q", "--filter", "label=" + LABEL).isBlank()) {
            docker("network", "rm", NETWORK);
        }
    }

    private static String docker(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", ENGINE1));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(argv + ": " + out.strip());
        }
        return out;
    }
}

package dev.netlens.bench;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Diagnostic of issue 15's heap (not run by run.sh or soak.sh): the live window headless, a synthetic
 * host changed N times (each change followed by rest until the canvas's pictures are taken, as in the
 * soak), and after every few changes the pixel buffers (int[]) and the software pipeline's textures
 * after a full GC. Shows whether the pixels grow with the changes or level off, and what holds them.
 *
 * <pre>
 * java MONOCLE_FLAGS [-Dprobe.dump=FILE.hprof] \
 *     -cp target/bench-classes:target/netlens.jar:target/bench-lib/openjfx-monocle.jar \
 *     dev.netlens.bench.StandInHeapProbe [changes=60] [every=10] [containers=120]
 * </pre>
 */
public final class StandInHeapProbe {
    private StandInHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int containers = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        TopologySnapshot first = SyntheticSnapshots.networks(2, 12, containers);
        MainWindow window = UiBench.fx(() -> {
            MainWindow w = new MainWindow(first, new SameThreadExecutor());
            Stage stage = new Stage();
            stage.setScene(new Scene(w.root(), 1920, 1080));
            stage.show();
            return w;
        });
        rest(window);
        report(0, System.getProperty("probe.dumps") != null ? System.getProperty("probe.dumps") + "/change-0.hprof" : null);
        // -Dprobe.burst=N: as the soak's churn, N changes 200 ms apart (the pictures dropped while being
        // taken) before each rest, containers added and removed, engine 2's host stale now and then.
        int burst = Integer.getInteger("probe.burst", 1);
        String dumps = System.getProperty("probe.dumps");
        java.util.Random random = new java.util.Random(15);
        for (int i = 1; i <= changes; i++) {
            for (int b = 0; b < burst; b++) {
                int n = burst == 1 ? containers + (i % 2 == 0 ? 0 : 1) : containers + random.nextInt(40) - 20;
                TopologySnapshot next = SyntheticSnapshots.networks(2, 12, n);
                boolean stale = burst > 1 && random.nextInt(10) == 0;
                UiBench.fx(() -> {
                    window.showLive(next);
                    window.setStaleHosts(stale ? java.util.Set.of("h1") : java.util.Set.of());
                    return null;
                });
                Thread.sleep(burst == 1 ? 300 : 200);
            }
            if (burst > 1 && i == changes) {
                TopologySnapshot last = SyntheticSnapshots.networks(2, 12, containers); // as at the start
                UiBench.fx(() -> {
                    window.showLive(last);
                    window.setStaleHosts(java.util.Set.of());
                    return null;
                });
                Thread.sleep(2000);
            }
            rest(window);
            if (i % every == 0) {
                String dump = dumps != null ? dumps + "/change-" + i + ".hprof"
                        : i + every > changes ? System.getProperty("probe.dump") : null;
                report(i, dump);
            }
        }
        System.exit(0);
    }

    /** Fit, then rest until the pictures of the view are all taken (as SoakBench.restTheCanvas). */
    private static void rest(MainWindow window) throws Exception {
        for (double factor : new double[] {1.1, 1 / 1.1}) { // as the soak does before each reading
            UiBench.fx(() -> {
                window.canvas().zoomBy(factor);
                return null;
            });
            Thread.sleep(100);
        }
        UiBench.fx(() -> {
            window.canvas().fitToWindow();
            return null;
        });
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!UiBench.fx(() -> window.canvas().standInPrepared()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /**
     * Three readings after a full GC: the first as the soak reads it; the second right after, the
     * software pipeline's texture cache untouched; the third after the cache was read once (a
     * WeakHashMap drops the entries whose image was collected only when it is next used). With
     * {@code dump}, a heap dump (for {@link HeapPaths}) is written before the cache is read.
     */
    private static void report(int change, String dump) throws Exception {
        String first = reading(jcmd("GC.class_histogram"));
        String second = reading(jcmd("GC.class_histogram"));
        if (dump != null) {
            System.out.println(jcmd("GC.heap_dump", dump).strip());
        }
        String caches = caches();
        String third = reading(jcmd("GC.class_histogram"));
        System.out.println("change " + change + ": as the soak reads it:" + first + "; again:" + second
                + "; texture caches (read, so expunged):" + caches + "; then:" + third);
    }

    private static String reading(String histogram) {
        StringBuilder line = new StringBuilder();
        for (String cls : new String[] {"[I", "com.sun.prism.sw.SWArgbPreTexture", "com.sun.prism.sw.SWRTTexture",
                "javafx.scene.image.WritableImage"}) {
            long[] cb = countAndBytes(histogram, cls);
            line.append(cls.equals("[I") ? String.format(" int[] %.1f MB", cb[1] / 1048576.0)
                    : String.format(" %s %d", cls.substring(cls.lastIndexOf('.') + 1), cb[0]));
        }
        return line.toString();
    }

    /** The software resource factory's texture caches (weak keys: the prism images drawn), read reflectively. */
    private static String caches() {
        StringBuilder out = new StringBuilder();
        try {
            Class<?> f = Class.forName("com.sun.prism.sw.SWResourceFactory");
            for (String name : new String[] {"clampTexCache", "repeatTexCache", "mipmapTexCache"}) {
                Field field = f.getDeclaredField(name);
                field.setAccessible(true);
                Map<?, ?> m = (Map<?, ?>) field.get(null);
                long bytes = 0;
                synchronized (m) {
                    for (Object t : m.values()) {
                        bytes += 4L * ((com.sun.prism.Texture) t).getPhysicalWidth() * ((com.sun.prism.Texture) t).getPhysicalHeight();
                    }
                }
                out.append(String.format(" %s=%d/%.1fMB", name, m.size(), bytes / 1048576.0));
            }
            Class<?> pool = Class.forName("com.sun.prism.sw.SWTexturePool");
            Field inst = pool.getDeclaredField("instance");
            inst.setAccessible(true);
            Object p = inst.get(null);
            java.lang.reflect.Method usedMethod = pool.getMethod("used");
            usedMethod.setAccessible(true);
            long used = (long) usedMethod.invoke(p);
            out.append(String.format(" pool.used=%.1fMB", used / 1048576.0));
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.append(" caches: ").append(e);
        }
        return out.toString();
    }

    private static long[] countAndBytes(String histogram, String cls) {
        for (String line : histogram.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[3].equals(cls)) {
                return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
            }
        }
        return new long[] {0, 0};
    }

    static String jcmd(String... command) throws Exception {
        String[] cmd = new String[command.length + 2];
        cmd[0] = "jcmd";
        cmd[1] = Long.toString(ProcessHandle.current().pid());
        System.arraycopy(command, 0, cmd, 2, command.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor();
        return out.toString();
    }
}

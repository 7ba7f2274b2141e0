package dev.netlens.bench;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.helper.KernelMode;
import dev.netlens.discovery.helper.KernelOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovery of one engine with its kernel read through a helper container, against the local
 * discovery of the same engine, interleaved in one warm JVM.
 * <pre>
 *   RESULTS SCALE WARMUP RUNS ENGINE [HELPER_ENGINE]
 * </pre>
 * ENGINE is read with this machine's kernel; HELPER_ENGINE (default: ENGINE, the same socket, so
 * only the kernel's way differs) with {@code --kernel helper}. Per pass: wall time, this JVM's CPU
 * time, and the whole machine's busy CPU time from /proc/stat (the helper's commands run under the
 * engine, not as children of Netlens; other load on the machine shows there too). The wall time ends
 * when the snapshot is there; the CPU times include the helper's removal, which runs beside the pass.
 */
public final class KernelHelperBench {
    private KernelHelperBench() {
    }

    public static void main(String[] args) throws Exception {
        dev.netlens.Launcher.preferVfork();
        Results results = new Results(Path.of(args[0]));
        String scale = args[1];
        int warmup = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        String engine = args[4];
        String helperEngine = args.length > 5 ? args[5] : engine;
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        KernelOptions helper = new KernelOptions(KernelMode.HELPER, true, null, line -> { });
        try (Discovery local = Discovery.local(); Discovery viaHelper = Discovery.local(helper)) {
            for (int i = 0; i < warmup + runs; i++) {
                Pass l = pass(local, engine);
                Pass h = pass(viaHelper, helperEngine);
                if (!l.kernelView() || !h.kernelView()) {
                    throw new IllegalStateException("no kernel view: local " + l.kernelView() + ", helper " + h.kernelView());
                }
                if (i >= warmup) {
                    add(samples, "local_wall", l.wallMs());
                    add(samples, "local_jvm_cpu", l.jvmCpuMs());
                    add(samples, "local_machine_cpu", l.machineCpuMs());
                    add(samples, "helper_wall", h.wallMs());
                    add(samples, "helper_jvm_cpu", h.jvmCpuMs());
                    add(samples, "helper_machine_cpu", h.machineCpuMs());
                    add(samples, "helper_to_local_wall_ratio", h.wallMs() / l.wallMs());
                }
            }
        }
        samples.forEach((name, values) -> results.metric("kernel_" + name, scale,
                name.endsWith("ratio") ? "x" : "ms", values));
        samples.forEach((name, values) -> System.out.printf("%-28s median %8.1f  min %8.1f  max %8.1f%n",
                name, median(values), values.stream().mapToDouble(d -> d).min().orElse(0),
                values.stream().mapToDouble(d -> d).max().orElse(0)));
        System.exit(0);
    }

    record Pass(double wallMs, double jvmCpuMs, double machineCpuMs, boolean kernelView) {
    }

    private static Pass pass(Discovery discovery, String engine) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long busy0 = machineBusyJiffies();
        long t0 = System.nanoTime();
        DiscoveryResult result = discovery.discover(List.of(engine));
        double wall = (System.nanoTime() - t0) / 1e6;
        // The helper is removed beside the pass (the picture does not wait for it): its CPU counts here.
        discovery.awaitHelperRemovals();
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        double machine = (machineBusyJiffies() - busy0) * 10.0; // USER_HZ 100: 10 ms a jiffy
        boolean kernel = !result.snapshot().hosts().isEmpty() && result.snapshot().hosts().get(0).kernelView();
        return new Pass(wall, cpu, machine, kernel);
    }

    /** All CPUs' time in user, nice, system, irq, softirq and steal, from the first line of /proc/stat. */
    private static long machineBusyJiffies() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(f[i]);
        }
        return busy;
    }

    private static void add(Map<String, List<Double>> samples, String name, double value) {
        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

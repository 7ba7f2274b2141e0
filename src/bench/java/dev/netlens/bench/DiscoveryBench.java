package dev.netlens.bench;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.HostScan;
import dev.netlens.discovery.SnapshotAssembler;
import dev.netlens.discovery.engine.DockerHttpEngineApi;
import dev.netlens.discovery.engine.EngineContainer;
import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.engine.EngineReader;
import dev.netlens.discovery.kernel.EngineProcess;
import dev.netlens.discovery.kernel.EngineProcessLocator;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelReader;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * In-JVM discovery figures on whatever the local engine holds now (bench/run.sh sets up the workload).
 * <pre>
 *   discovery RESULTS SCALE WARMUP RUNS   Discovery.local().discover() after warm-up, then the same
 *                                         pass phase by phase (API, kernel, assembly, JSON)
 *   heap RESULTS SCALE                    used heap after a full GC, holding one discovery's snapshot
 *   serve                                 one JVM kept warm for bench/run.sh, which interleaves its
 *                                         runs with the baselines: reads "discover" or "phases" per
 *                                         line, answers one line of milliseconds ("quit" ends)
 * </pre>
 * The phase timings repeat what Discovery.scan does, with the same public pieces and a pool of the
 * same size (4), only to say where the time goes; the headline figure is Discovery itself.
 */
public final class DiscoveryBench {
    private static final int POOL_SIZE = 4; // as Discovery's own pool
    /** Holds the snapshot while the heap is measured, so the GC cannot drop it. */
    static volatile Object held;

    private DiscoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        dev.netlens.Launcher.preferVfork(); // as the application starts its processes
        if (args[0].equals("serve")) {
            serve();
            System.exit(0);
        }
        Results results = new Results(Path.of(args[1]));
        String scale = args[2];
        switch (args[0]) {
            case "discovery" -> discovery(results, scale, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "heap" -> heap(results, scale);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0); // docker-java's client may leave non-daemon threads behind
    }

    static void discovery(Results results, String scale, int warmup, int runs) throws Exception {
        List<Double> whole = new ArrayList<>();
        TopologySnapshot last = null;
        try (Discovery discovery = Discovery.local()) {
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                DiscoveryResult result = discovery.discover(List.of());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (!result.failures().isEmpty()) {
                    throw new IllegalStateException("engine failed: " + result.failures());
                }
                if (i >= warmup) {
                    whole.add(ms);
                }
                last = result.snapshot();
            }
        }
        results.metric("jvm_discovery", scale, "ms", whole);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("scale", scale);
        counts.put("containers", last.containers().size());
        counts.put("runningContainers", last.containers().stream().filter(c -> "running".equals(c.state())).count());
        counts.put("networks", last.networks().size());
        counts.put("namespaces", last.namespaces().size());
        counts.put("interfaces", last.interfaces().size());
        counts.put("kernelView", last.hosts().get(0).kernelView());
        counts.put("missing", last.hosts().get(0).missing());
        counts.put("jsonBytes", SnapshotJson.toJson(last).length());
        results.meta("snapshot", counts);

        // Where the time goes: the same pass, timed piece by piece.
        List<Double> api = new ArrayList<>();
        List<Double> kernel = new ArrayList<>();
        List<Double> assemble = new ArrayList<>();
        List<Double> json = new ArrayList<>();
        ExecutorService pool = newPool();
        ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));
        try {
            for (int i = 0; i < warmup + runs; i++) {
                double[] p = phases(pool, runner);
                if (i >= warmup) {
                    api.add(p[0]);
                    kernel.add(p[1]);
                    assemble.add(p[2]);
                    json.add(p[3]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        results.metric("phase_api", scale, "ms", api);
        results.metric("phase_kernel", scale, "ms", kernel);
        results.metric("phase_assemble", scale, "ms", assemble);
        results.metric("phase_json", scale, "ms", json);
    }

    /** Line protocol for bench/run.sh: "discover" -> "ms"; "phases" -> "api kernel assemble json" (ms). */
    static void serve() throws Exception {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        java.io.PrintStream out = System.out;
        ExecutorService pool = newPool();
        ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));
        try (Discovery discovery = Discovery.local()) {
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                switch (line.strip()) {
                    case "discover" -> {
                        long t0 = System.nanoTime();
                        DiscoveryResult result = discovery.discover(List.of());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        held = result;
                        out.println(result.failures().isEmpty() ? String.format(java.util.Locale.ROOT, "%.1f", ms)
                                : "error " + result.failures());
                    }
                    case "phases" -> {
                        double[] p = phases(pool, runner);
                        out.println(String.format(java.util.Locale.ROOT, "%.1f %.1f %.1f %.1f", p[0], p[1], p[2], p[3]));
                    }
                    default -> out.println("error unknown command " + line);
                }
                out.flush();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExecutorService newPool() {
        return Executors.newFixedThreadPool(POOL_SIZE, r -> {
            Thread t = new Thread(r, "bench-discovery");
            t.setDaemon(true);
            return t;
        });
    }

    /** One discovery pass timed piece by piece: API, kernel (with firewall), assembly, JSON (ms). */
    static double[] phases(ExecutorService pool, ProcessCommandRunner runner) throws Exception {
        long t0 = System.nanoTime();
        EngineFacts facts;
        String endpoint;
        try (dev.netlens.discovery.engine.EngineApi engineApi = dev.netlens.discovery.engine.EngineEndpoints.connect(null, Duration.ofSeconds(10))) {
            facts = new EngineReader(engineApi, pool).read();
            endpoint = engineApi.endpoint();
        }
        long t1 = System.nanoTime();
        EngineProcess process = new EngineProcessLocator(Path.of("/proc"))
                .find(URI.create(endpoint).getPath()).orElseThrow(() -> new IllegalStateException("no dockerd"));
        List<String> keys = facts.containers().stream().map(EngineContainer::sandboxKey).toList();
        KernelFacts kernelFacts = new KernelReader(runner, dev.netlens.discovery.kernel.NamespaceLister.FILE_SYSTEM, pool,
                Path.of("/proc/sys/kernel/random/boot_id"))
                .read(process, keys);
        long t2 = System.nanoTime();
        TopologySnapshot snapshot = SnapshotAssembler.assemble(
                List.of(new HostScan(endpoint, facts, kernelFacts, List.of())), Instant.now());
        long t3 = System.nanoTime();
        held = SnapshotJson.toJson(snapshot);
        long t4 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6};
    }

    static void heap(Results results, String scale) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Discovery discovery = Discovery.local()) {
            long before = usedAfterGc(memory);
            DiscoveryResult result = discovery.discover(List.of());
            held = result;
            long after = usedAfterGc(memory);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("scale", scale);
            facts.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
            facts.put("maxHeapMb", memory.getHeapMemoryUsage().getMax() / 1048576.0);
            facts.put("containers", result.snapshot().containers().size());
            results.meta("heap", facts);
            results.metric("heap_used_after_gc", scale, "MB", List.of(after / 1048576.0));
            results.metric("heap_before_discovery", scale, "MB", List.of(before / 1048576.0));
            results.metric("heap_retained_by_snapshot", scale, "MB", List.of((after - before) / 1048576.0));
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

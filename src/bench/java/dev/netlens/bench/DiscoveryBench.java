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
 *   incremental RESULTS SCALE WARMUP RUNS one change (start one extra labelled container, then remove
 *                                         it): Discovery.refresh from the pass before, fed what the
 *                                         engine's events name, against a full Discovery.discover of
 *                                         the same state, interleaved, in one warm JVM
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
            case "incremental" -> incremental(results, scale, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
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

    /**
     * Incremental refresh after one change against a full rediscovery. Each round: a full pass (the
     * earlier state), {@code docker run} of one extra container labelled netlens.bench=1, the events
     * it raises gathered from the engine's stream, then the incremental refresh and a full pass timed
     * in alternating order; then its removal, timed the same way. Every incremental snapshot is
     * compared with the full one of the same moment (capture time and firewall counters aside).
     */
    static void incremental(Results results, String scale, int warmup, int runs) throws Exception {
        List<Double> inc = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        int same = 0;
        int compared = 0;
        String endpoint = dev.netlens.discovery.engine.EngineEndpoints.resolve(null);
        List<String> hosts = List.of(endpoint);
        java.util.concurrent.LinkedBlockingQueue<com.fasterxml.jackson.databind.JsonNode> events =
                new java.util.concurrent.LinkedBlockingQueue<>();
        dev.netlens.live.DockerEngineEvents stream = new dev.netlens.live.DockerEngineEvents();
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                stream.stream(endpoint, connected::countDown, events::add);
            } catch (Exception e) {
                // closed at the end
            }
        }, "bench-events");
        watcher.setDaemon(true);
        watcher.start();
        if (!connected.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("no event stream");
        }
        try (Discovery discovery = Discovery.local()) {
            for (int i = 0; i < warmup; i++) {
                discovery.discover(hosts);
            }
            for (int r = 0; r < warmup + runs; r++) {
                boolean measured = r >= warmup;
                dev.netlens.discovery.DiscoveryState state = discovery.discoverState(hosts);
                events.clear();
                String name = "nlbench-incr-" + r;
                String id = docker("run", "-d", "--label", "netlens.bench=1", "--name", name, "netlens/busybox:lab",
                        "sleep", "infinity");
                for (int step = 0; step < 2; step++) {
                    if (step == 1) {
                        docker("rm", "-f", name);
                    }
                    String awaited = step == 0 ? "start" : "destroy";
                    Map<String, dev.netlens.discovery.EngineChanges> changes = Map.of(endpoint,
                            changesFrom(events, id, awaited));
                    boolean incFirst = (r + step) % 2 == 0;
                    double[] t = new double[2];
                    dev.netlens.discovery.DiscoveryState next = null;
                    TopologySnapshot whole = null;
                    for (int k = 0; k < 2; k++) {
                        long t0 = System.nanoTime();
                        if ((k == 0) == incFirst) {
                            next = discovery.refresh(state, hosts, changes);
                            t[0] = (System.nanoTime() - t0) / 1e6;
                        } else {
                            whole = discovery.discover(hosts).snapshot();
                            t[1] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                    if (!next.hosts().get(endpoint).incremental()) {
                        throw new IllegalStateException("the refresh was not incremental");
                    }
                    if (measured) {
                        inc.add(t[0]);
                        full.add(t[1]);
                        compared++;
                        if (dev.netlens.live.SnapshotChange.sameTopology(next.result().snapshot(), whole)) {
                            same++;
                        } else {
                            // Kept for a look: what differed (the firewall's counters, or someone else's change).
                            java.nio.file.Path dir = java.nio.file.Path.of("target/bench");
                            java.nio.file.Files.createDirectories(dir);
                            java.nio.file.Files.writeString(dir.resolve("incremental-differs-" + r + "-" + step + "-inc.json"),
                                    SnapshotJson.toJson(next.result().snapshot()));
                            java.nio.file.Files.writeString(dir.resolve("incremental-differs-" + r + "-" + step + "-full.json"),
                                    SnapshotJson.toJson(whole));
                        }
                    }
                    state = next;
                }
            }
        } finally {
            stream.closeAll();
        }
        results.metric("incremental_refresh", scale, "ms", inc);
        results.metric("incremental_full", scale, "ms", full);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("scale", scale);
        facts.put("rounds", runs);
        facts.put("compared", compared);
        facts.put("equal", same);
        results.meta("incremental", facts);
    }

    /** Waits for the container's event {@code awaited}, then gathers what the events so far name. */
    private static dev.netlens.discovery.EngineChanges changesFrom(
            java.util.concurrent.BlockingQueue<com.fasterxml.jackson.databind.JsonNode> events, String id, String awaited)
            throws InterruptedException {
        java.util.Set<String> containers = new java.util.HashSet<>();
        java.util.Set<String> networks = new java.util.HashSet<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        boolean seen = false;
        while (System.nanoTime() < deadline) {
            com.fasterxml.jackson.databind.JsonNode e = events.poll(seen ? 100 : 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (e == null) {
                if (seen) {
                    break; // nothing more for 100 ms after the awaited event
                }
                continue;
            }
            String actor = e.path("Actor").path("ID").asText("");
            if (e.path("Type").asText().equals("network")) {
                networks.add(actor);
                String c = e.path("Actor").path("Attributes").path("container").asText("");
                if (!c.isEmpty()) {
                    containers.add(c);
                }
            } else {
                containers.add(actor);
            }
            seen |= actor.equals(id) && e.path("Action").asText().equals(awaited);
        }
        if (!seen) {
            throw new IllegalStateException("no " + awaited + " event for " + id);
        }
        return new dev.netlens.discovery.EngineChanges(containers, networks);
    }

    private static String docker(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed");
        }
        return out;
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

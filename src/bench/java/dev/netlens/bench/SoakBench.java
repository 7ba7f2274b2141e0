package dev.netlens.bench;

import dev.netlens.discovery.Discovery;
import dev.netlens.live.DockerEngineEvents;
import dev.netlens.live.LiveTopology;
import dev.netlens.live.LiveUpdate;
import dev.netlens.live.SnapshotChange;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The soak of issue 15: minutes of churn on both lab engines with the live window open (headless
 * Monocle), engine 2 stopped and started again twice meanwhile. Containers are created, started,
 * stopped, removed; networks created and removed; containers connected and disconnected: about five
 * changes a second, every object named {@code nlsoak-} and labelled {@code netlens.soak=1}, networks
 * on explicit subnets in 100.64.96.0/20 (the engines' own pools would run out).
 *
 * <p>Figures: changes applied, the largest change -> canvas delay (from the docker command's return,
 * when the engine has raised the event, to the frame whose snapshot shows it on the FX thread),
 * whether the live snapshot equals a fresh full discovery (counters and capture time aside), heap
 * after GC, threads and file descriptors at the end against the start, exceptions logged. Exit
 * status 1 when a check fails. Run by {@code bash bench/soak.sh} (root; minutes: -Dsoak.minutes).
 */
public final class SoakBench {
    static final String E1 = "unix:///var/run/docker.sock";
    static final String E2 = "unix:///run/node2/docker.sock";
    static final List<String> ENDPOINTS = List.of(E1, E2);
    static final String IMAGE = System.getProperty("soak.image", "netlens/busybox:lab");
    static final String LABEL = "netlens.soak=1";
    static final int MAX_CONTAINERS = 10;
    static final int MAX_NETWORKS = 4;
    private static final PrintStream OUT = System.out;
    /** Idle time before the start and end measurements: past the cached thread pools' keep-alive. */
    static final long IDLE_MS = Long.getLong("soak.idleMs", 70_000);
    /** Threads, descriptors and children are read twice this far apart; only what is in both counts. */
    static final long INVENTORY_APART_MS = 10_000;
    /** The harness's own commands read nothing: no stdin pipe is left open until the Process is collected. */
    static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));

    /** What the harness made on one engine, as it believes it is. Touched only on that engine's worker. */
    static final class Model {
        final String endpoint;
        final int engine;
        final Map<String, String> state = new LinkedHashMap<>(); // container -> created | running | exited
        final Map<String, Set<String>> nets = new HashMap<>(); // container -> nlsoak networks it is on
        final Map<String, Integer> networks = new LinkedHashMap<>(); // network -> subnet index

        Model(String endpoint, int engine) {
            this.endpoint = endpoint;
            this.engine = engine;
        }
    }

    record Expectation(String key, String endpoint, String what, long madeNs, Predicate<TopologySnapshot> seen) {
    }

    private final Random random = new Random(Long.getLong("soak.seed", 15));
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, Expectation> pending = new ConcurrentHashMap<>();
    private final List<Double> delays = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger superseded = new AtomicInteger();
    private final AtomicInteger droppedByRestart = new AtomicInteger();
    private final AtomicInteger skippedTicks = new AtomicInteger();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger exceptions = new AtomicInteger();
    private final List<String> exceptionLines = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger drawProblems = new AtomicInteger();
    private final Map<String, String> hostIdByEndpoint = new HashMap<>();
    private volatile boolean engine2Down;
    private volatile TopologySnapshot latest;
    private volatile TopologySnapshot shown;
    private volatile String worstDelay = "";
    private double worstMs;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("report")) {
            SoakReport.write(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length == 5 && args[0].equals("failure-paths")) { // ROWS PASSED(true|false) SOAK_JSON REPORT
            SoakReport.writeFailurePaths(Path.of(args[1]), Boolean.parseBoolean(args[2]), Path.of(args[3]), Path.of(args[4]));
            return;
        }
        dev.netlens.Launcher.preferVfork();
        System.exit(new SoakBench().run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        double rate = Double.parseDouble(System.getProperty("soak.rate", "5"));
        Path out = Path.of(System.getProperty("soak.out", "target/soak"));
        Files.createDirectories(out);
        // Logging as the application sets it up (a quiet console, the log file), the file beside the figures.
        Path logFile = out.resolve("netlens.log");
        Files.deleteIfExists(logFile);
        System.setProperty(dev.netlens.logging.Logs.FILE_PROPERTY, logFile.toString());
        dev.netlens.logging.Logs.configure(false);
        countExceptions();
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();

        Discovery discovery = Discovery.local();
        TopologySnapshot first = discovery.discover(ENDPOINTS).snapshot();
        first.hosts().forEach(h -> hostIdByEndpoint.put(h.endpoint(), h.id()));
        log("engines: " + hostIdByEndpoint);
        if (hostIdByEndpoint.size() != 2) {
            throw new IllegalStateException("both lab engines must answer: " + hostIdByEndpoint.keySet());
        }
        shown = first;
        latest = first;
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        MainWindow window = UiBench.fx(() -> {
            MainWindow w = new MainWindow(first, executor);
            Stage stage = new Stage();
            stage.setScene(new Scene(w.root(), 1920, 1080));
            stage.show();
            w.state().frameProperty().addListener((o, a, frame) -> onFrame(frame.snapshot()));
            w.state().problemProperty().addListener((o, a, p) -> {
                if (p != null) {
                    drawProblems.incrementAndGet();
                    exceptionLines.add("window: " + p);
                }
            });
            return w;
        });
        LiveTopology live = new LiveTopology(ENDPOINTS, discovery, new DockerEngineEvents(), Duration.ofSeconds(5),
                Clock.systemUTC(), update -> onUpdate(window, update));
        live.start();
        Thread.sleep(20_000); // the first passes, their layout, JIT
        // One change on each engine, so that every thread the live core starts on demand (the timer's
        // fingerprint, discovery's pools) exists at the start as at the end; then the same idle
        // time before both measurements, longer than the cached pools' 60 s keep-alive.
        for (String endpoint : ENDPOINTS) {
            run(endpoint, "run", "-d", "--name", "nlsoak-warmup", "--label", LABEL, IMAGE, "sleep", "3600");
            Thread.sleep(3_000);
            run(endpoint, "rm", "-f", "nlsoak-warmup");
        }
        Thread.sleep(IDLE_MS);
        // The histogram first at both ends: jcmd's first attach starts the JVM's "Attach Listener" thread
        // and its socket (/tmp/.java_pidPID), which then stay; taken after the start's counts, they were
        // one more thread and one more descriptor at the end (the run of 2026-12-03 15:47).
        restTheCanvas(window);
        histogram(out.resolve("histogram-start.txt"));
        Resources start = Resources.now();
        List<String> startObjects = objects(latest);
        ResourceInventory startHeld = ResourceInventory.lasting(INVENTORY_APART_MS);
        String loadStart = loadAverage();
        log("start: " + start + "; held: " + startHeld);

        Model m1 = new Model(E1, 0);
        Model m2 = new Model(E2, 1);
        ThreadPoolExecutor w1 = worker("nlsoak-e1");
        ThreadPoolExecutor w2 = worker("nlsoak-e2");
        long churnNs = (long) (minutes * 60e9);
        long t0 = System.nanoTime();
        long tickNs = (long) (1e9 / rate);
        Thread restarts = new Thread(() -> restartEngine2Twice(churnNs, m2, w2), "nlsoak-restarts");
        restarts.start();
        int ticks = 0;
        boolean toEngine2 = false;
        while (System.nanoTime() - t0 < churnNs) {
            long next = t0 + (ticks + 1) * tickNs;
            toEngine2 = !toEngine2;
            boolean e2 = toEngine2 && !engine2Down;
            ThreadPoolExecutor w = e2 ? w2 : w1;
            Model m = e2 ? m2 : m1;
            if (w.getQueue().size() >= 2) {
                skippedTicks.incrementAndGet(); // the engine is slower than the pace: do not pile up
            } else {
                w.execute(() -> change(m));
            }
            ticks++;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (ticks % (int) rate == 0) {
                stallDump(out);
            }
            if (ticks % (int) (rate * 30) == 0) {
                log(String.format("%.0f s: %d applied, %d refused, %d waiting, worst delay %.0f ms", (System.nanoTime() - t0) / 1e9,
                        appliedTotal(), refused.get(), pending.size(), worstMs));
            }
        }
        restarts.join();
        w1.shutdown();
        w2.shutdown();
        w1.awaitTermination(2, TimeUnit.MINUTES);
        w2.awaitTermination(2, TimeUnit.MINUTES);
        long churnSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
        waitUntil(pending::isEmpty, 60);
        int unseen = pending.size();
        pending.values().forEach(e -> log("never drawn: " + e.what()));
        Thread.sleep(10_000);

        List<String> churnDiff = compareWithDiscovery(discovery, "after the churn");

        log("removing nlsoak- objects");
        cleanup(E1);
        cleanup(E2);
        Thread.sleep(10_000);
        List<String> cleanDiff = compareWithDiscovery(discovery, "after the clean-up");
        boolean noneLeft = UiBench.fx(() -> window.state().frame().snapshot().containers().stream()
                .noneMatch(c -> name(c).startsWith("nlsoak-")));
        // As at the start: the live window open on both engines, nothing of ours on them, idle as long.
        Thread.sleep(IDLE_MS);
        restTheCanvas(window);
        histogram(out.resolve("histogram-end.txt"));
        Resources end = Resources.now();
        // The heap holds the picture of what the engines have: compared only when they hold the same.
        List<String> endObjects = objects(latest);
        List<String> objectsAdded = ResourceInventory.added(startObjects, endObjects);
        List<String> objectsGone = ResourceInventory.added(endObjects, startObjects);
        log("containers and networks at the end that were not at the start: " + objectsAdded + "; gone: " + objectsGone);
        ResourceInventory endHeld = ResourceInventory.lasting(INVENTORY_APART_MS);
        log("end: " + end + "; held: " + endHeld);
        List<String> newThreads = ResourceInventory.added(startHeld.threads(), endHeld.threads());
        List<String> goneThreads = ResourceInventory.added(endHeld.threads(), startHeld.threads());
        List<String> newFds = ResourceInventory.added(startHeld.fds(), endHeld.fds());
        List<String> goneFds = ResourceInventory.added(endHeld.fds(), startHeld.fds());
        List<String> newChildren = ResourceInventory.added(commands(startHeld.children()), commands(endHeld.children()));
        log("threads at the end that were not at the start: " + newThreads + "; gone: " + goneThreads);
        log("descriptors at the end that were not at the start: " + newFds + "; gone: " + goneFds);
        log("child processes running at the end: " + endHeld.children());
        live.close();
        executor.close();

        // int[] on this heap are pixels: the canvas's stand-in tiles (StandInTiles: at most 96 of 256 x 256
        // px, and a backdrop up to 2,048 px a side), a cache bounded by design that fills as the camera
        // and the drawing change. What else the heap holds is what a leak would show in.
        double pixelsStart = intArrayMb(out.resolve("histogram-start.txt"));
        double pixelsEnd = intArrayMb(out.resolve("histogram-end.txt"));
        // The rest from the same histograms (live objects after GC, one instant): the used heap read
        // at another instant would count pictures made or dropped in between.
        double liveStart = histogramMb(out.resolve("histogram-start.txt"));
        double liveEnd = histogramMb(out.resolve("histogram-end.txt"));
        double restStart = liveStart - pixelsStart;
        double restEnd = liveEnd - pixelsEnd;
        // Heap after GC (the histogram collects first), pictures included: the canvas rests in the same
        // view with its pictures taken at both ends (restTheCanvas), so they are compared too.
        double heapChange = 100.0 * (liveEnd - liveStart) / liveStart;
        // The first collection's readings, soft references read since the collection before included.
        double firstStart = histogramMb(out.resolve("histogram-start-first.txt"));
        double firstEnd = histogramMb(out.resolve("histogram-end-first.txt"));
        logProblems(out.resolve("netlens.log"));
        double restChange = 100.0 * (restEnd - restStart) / restStart;
        double maxDelay = delays.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("date", java.time.Instant.now().toString().substring(0, 16) + "Z");
        figures.put("machine", System.getProperty("soak.machine", ""));
        if (!System.getProperty("soak.note", "").isBlank()) {
            figures.put("note", System.getProperty("soak.note"));
        }
        figures.put("minutes", churnSeconds / 60.0);
        figures.put("changesApplied", appliedTotal());
        figures.put("changesByKind", new java.util.TreeMap<>(applied));
        figures.put("changesPerSecond", appliedTotal() / (double) churnSeconds);
        figures.put("refused", refused.get());
        figures.put("skippedTicks", skippedTicks.get());
        figures.put("delaysMeasured", delays.size());
        figures.put("delayP50Ms", UiBench.pct(delays, 50));
        figures.put("delayP95Ms", UiBench.pct(delays, 95));
        figures.put("delayMaxMs", maxDelay);
        figures.put("delayMaxWhat", worstDelay);
        figures.put("supersededBeforeDrawn", superseded.get());
        figures.put("droppedByEngine2Stop", droppedByRestart.get());
        figures.put("neverDrawn", unseen);
        figures.put("liveEqualsDiscoveryAfterChurn", churnDiff.isEmpty());
        figures.put("liveEqualsDiscoveryAfterCleanup", cleanDiff.isEmpty());
        figures.put("heapStartMb", round(liveStart));
        figures.put("heapEndMb", round(liveEnd));
        figures.put("heapChangePercent", heapChange);
        figures.put("heapFirstCollectionStartMb", round(firstStart));
        figures.put("heapFirstCollectionEndMb", round(firstEnd));
        figures.put("objectsStart", startObjects.size());
        figures.put("objectsEnd", endObjects.size());
        figures.put("objectsAdded", objectsAdded);
        figures.put("objectsGone", objectsGone);
        figures.put("pixelBuffersStartMb", round(pixelsStart));
        figures.put("pixelBuffersEndMb", round(pixelsEnd));
        figures.put("heapWithoutPixelsStartMb", round(restStart));
        figures.put("heapWithoutPixelsEndMb", round(restEnd));
        figures.put("heapWithoutPixelsChangePercent", round(restChange));
        figures.put("threadsStart", start.threads);
        figures.put("threadsEnd", end.threads);
        figures.put("fdsStart", start.fds);
        figures.put("fdsEnd", end.fds);
        figures.put("exceptionsLogged", exceptions.get() + drawProblems.get());
        figures.put("loadStart", loadStart);
        figures.put("loadEnd", loadAverage());
        figures.put("inventoryApartSeconds", INVENTORY_APART_MS / 1000);
        figures.put("lastingThreadsStart", startHeld.threads().size());
        figures.put("lastingThreadsEnd", endHeld.threads().size());
        figures.put("newThreads", newThreads);
        figures.put("goneThreads", goneThreads);
        figures.put("idlePoolThreadsStart", startHeld.idlePoolThreads());
        figures.put("idlePoolThreadsEnd", endHeld.idlePoolThreads());
        figures.put("idlePoolThreadsWhy", ResourceInventory.IDLE_POOL_REASON);
        figures.put("lastingFdsStart", startHeld.fds().size());
        figures.put("lastingFdsEnd", endHeld.fds().size());
        figures.put("newFds", newFds);
        figures.put("goneFds", goneFds);
        figures.put("fdsAtEnd", endHeld.fds());
        figures.put("childrenStart", startHeld.children());
        figures.put("childrenEnd", endHeld.children());
        figures.put("threadsAtEnd", endHeld.threads());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(figures);
        Files.writeString(out.resolve("soak.json"), json);
        OUT.println(json);
        synchronized (exceptionLines) {
            exceptionLines.stream().limit(20).forEach(l -> log("logged: " + l));
        }
        synchronized (refusals) {
            refusals.stream().limit(10).forEach(l -> log("refused: " + l));
        }
        boolean ok = churnDiff.isEmpty() && cleanDiff.isEmpty() && noneLeft && unseen == 0
                && objectsAdded.isEmpty() && objectsGone.isEmpty()
                && Math.abs(restChange) <= 10 && Math.abs(heapChange) <= 10 && exceptions.get() + drawProblems.get() == 0
                && newThreads.isEmpty() && newFds.isEmpty() && newChildren.isEmpty();
        log(ok ? "soak passed" : "soak FAILED");
        return ok;
    }

    // ---- the window, as LiveConnection feeds it ----------------------------------------------------

    private void onUpdate(MainWindow window, LiveUpdate update) {
        TopologySnapshot next = update.snapshot();
        if (!next.hosts().isEmpty()) {
            latest = next;
        }
        boolean publish = !next.hosts().isEmpty() && !SnapshotChange.sameTopology(shown, next);
        if (publish) {
            shown = next;
        }
        Platform.runLater(() -> {
            if (publish) {
                window.showLive(next);
            }
            window.setStaleHosts(update.staleHosts());
        });
    }

    /** FX thread: each expectation the new frame's snapshot meets is a measured delay. */
    private void onFrame(TopologySnapshot s) {
        long now = System.nanoTime();
        for (Expectation e : List.copyOf(pending.values())) {
            if (e.seen().test(s) && pending.remove(e.key(), e)) {
                double ms = (now - e.madeNs()) / 1e6;
                delays.add(ms);
                if (ms > worstMs) {
                    worstMs = ms;
                    worstDelay = e.what();
                }
            }
        }
    }

    // ---- churn ------------------------------------------------------------------------------------

    private static ThreadPoolExecutor worker(String name) {
        return (ThreadPoolExecutor) Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** One change on the model's engine, chosen among those its state allows. Worker thread. */
    private void change(Model m) {
        if (m.engine == 1 && engine2Down) {
            return;
        }
        List<String> kinds = new ArrayList<>();
        List<String> running = names(m, "running");
        List<String> stopped = new ArrayList<>(names(m, "created"));
        stopped.addAll(names(m, "exited"));
        List<String> emptyNets = m.networks.keySet().stream()
                .filter(n -> m.nets.values().stream().noneMatch(s -> s.contains(n))).toList();
        if (m.networks.size() < MAX_NETWORKS) {
            kinds.add("network-create");
        }
        if (!emptyNets.isEmpty() && m.networks.size() > 1) {
            kinds.add("network-remove");
        }
        if (m.state.size() < MAX_CONTAINERS) {
            kinds.add("create");
            kinds.add("create");
        }
        if (!stopped.isEmpty()) {
            kinds.add("start");
            kinds.add("start");
        }
        if (!running.isEmpty()) {
            kinds.add("stop");
        }
        if (m.state.size() > MAX_CONTAINERS / 2) {
            kinds.add("remove");
        }
        if (!m.state.isEmpty() && !m.networks.isEmpty()) {
            kinds.add("connect");
            kinds.add("disconnect");
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        String host = hostIdByEndpoint.get(m.endpoint);
        switch (kind) {
            case "network-create" -> {
                Set<Integer> used = new HashSet<>(m.networks.values());
                int subnet = 0;
                while (used.contains(subnet)) {
                    subnet++;
                }
                String net = "nlsoak-e" + (m.engine + 1) + "-net-" + counter.incrementAndGet();
                String cidr = "100.64." + (96 + m.engine * 8 + subnet) + ".0/24";
                if (docker(m, kind, "network", "create", "--label", LABEL, "--subnet", cidr, net)) {
                    m.networks.put(net, subnet);
                    expect(net, m, kind + " " + net, s -> network(s, host, net));
                }
            }
            case "network-remove" -> {
                String net = pick(emptyNets);
                if (docker(m, kind, "network", "rm", net)) {
                    m.networks.remove(net);
                    expect(net, m, kind + " " + net, s -> !network(s, host, net));
                }
            }
            case "create" -> {
                String c = "nlsoak-e" + (m.engine + 1) + "-c-" + counter.incrementAndGet();
                String net = m.networks.isEmpty() || random.nextInt(3) == 0 ? "bridge" : pick(List.copyOf(m.networks.keySet()));
                if (docker(m, kind, "create", "--name", c, "--label", LABEL, "--stop-timeout", "1", "--network", net,
                        IMAGE, "sleep", "3600")) {
                    m.state.put(c, "created");
                    m.nets.put(c, new HashSet<>(net.equals("bridge") ? Set.of() : Set.of(net)));
                    expect(c, m, kind + " " + c, s -> container(s, host, c) != null);
                }
            }
            case "start" -> {
                String c = pick(stopped);
                if (docker(m, kind, "start", c)) {
                    m.state.put(c, "running");
                    expect(c, m, kind + " " + c, s -> state(s, host, c, "running"));
                }
            }
            case "stop" -> {
                String c = pick(running);
                if (docker(m, kind, "stop", "-t", "0", c)) {
                    m.state.put(c, "exited");
                    expect(c, m, kind + " " + c, s -> state(s, host, c, "exited"));
                }
            }
            case "remove" -> {
                String c = pick(List.copyOf(m.state.keySet()));
                if (docker(m, kind, "rm", "-f", c)) {
                    m.state.remove(c);
                    m.nets.remove(c);
                    expect(c, m, kind + " " + c, s -> container(s, host, c) == null);
                }
            }
            case "connect" -> {
                String c = pick(List.copyOf(m.state.keySet()));
                List<String> free = m.networks.keySet().stream().filter(n -> !m.nets.get(c).contains(n)).toList();
                if (free.isEmpty()) {
                    return;
                }
                String net = pick(free);
                if (docker(m, kind, "network", "connect", net, c)) {
                    m.nets.get(c).add(net);
                    expect(c, m, kind + " " + c + " " + net, s -> onNetwork(s, host, c, net));
                }
            }
            case "disconnect" -> {
                List<String> on = m.state.keySet().stream().filter(c -> !m.nets.get(c).isEmpty()).toList();
                if (on.isEmpty()) {
                    return;
                }
                String c = pick(on);
                String net = pick(List.copyOf(m.nets.get(c)));
                if (docker(m, kind, "network", "disconnect", net, c)) {
                    m.nets.get(c).remove(net);
                    expect(c, m, kind + " " + c + " " + net, s -> !onNetwork(s, host, c, net));
                }
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    private void expect(String key, Model m, String what, Predicate<TopologySnapshot> seen) {
        Expectation before = pending.put(key, new Expectation(key, m.endpoint, what, System.nanoTime(), seen));
        if (before != null) {
            superseded.incrementAndGet(); // a newer change to the same object came before the frame
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> names(Model m, String state) {
        return m.state.entrySet().stream().filter(e -> e.getValue().equals(state)).map(Map.Entry::getKey).toList();
    }

    private static String name(Container c) {
        return c.name() == null ? "" : c.name().replaceFirst("^/", "");
    }

    private static Container container(TopologySnapshot s, String host, String name) {
        return s.containers().stream().filter(c -> Objects.equals(c.host(), host) && name(c).equals(name)).findFirst()
                .orElse(null);
    }

    private static boolean state(TopologySnapshot s, String host, String name, String state) {
        Container c = container(s, host, name);
        return c != null && state.equals(c.state());
    }

    private static boolean network(TopologySnapshot s, String host, String name) {
        return s.networks().stream().anyMatch(n -> Objects.equals(n.host(), host) && name.equals(n.name()));
    }

    private static boolean onNetwork(TopologySnapshot s, String host, String name, String net) {
        Container c = container(s, host, name);
        return c != null && c.endpoints().stream().anyMatch(e -> net.equals(e.networkName()));
    }

    /** Runs docker against the model's engine; a refusal is counted, not thrown. */
    private boolean docker(Model m, String kind, String... args) {
        Result r = run(m.endpoint, args);
        if (r.ok) {
            applied.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            return true;
        }
        refused.incrementAndGet();
        refusals.add(String.join(" ", args) + ": " + r.output.strip());
        if (!engine2Down || m.engine == 0) {
            resync(m); // the engine knows better than the model (say, a container ended on its own)
        }
        return false;
    }

    record Result(boolean ok, String output) {
    }

    private static Result run(String endpoint, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", endpoint));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close(); // its stdin pipe: closed now, not when the Process is collected
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, "timed out");
            }
            return new Result(p.exitValue() == 0, out);
        } catch (java.io.IOException e) {
            return new Result(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }

    /** Reads the model again from the engine: what exists, in which state, on which nlsoak networks. */
    private static void resync(Model m) {
        m.state.clear();
        m.nets.clear();
        m.networks.clear();
        Result nets = run(m.endpoint, "network", "ls", "--filter", "label=" + LABEL, "--format", "{{.Name}}");
        Result ids = run(m.endpoint, "ps", "-aq", "--filter", "label=" + LABEL);
        if (!nets.ok || !ids.ok) {
            return;
        }
        for (String net : nets.output.strip().split("\\s+")) {
            if (!net.isBlank()) {
                int base = 96 + m.engine * 8;
                Result sub = run(m.endpoint, "network", "inspect", "-f", "{{(index .IPAM.Config 0).Subnet}}", net);
                int third = sub.ok ? Integer.parseInt(sub.output.strip().split("\\.")[2]) : base;
                m.networks.put(net, third - base);
            }
        }
        List<String> idList = List.of(ids.output.strip().split("\\s+")).stream().filter(s -> !s.isBlank()).toList();
        if (idList.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("inspect", "-f",
                "{{.Name}} {{.State.Status}} {{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}"));
        args.addAll(idList);
        Result info = run(m.endpoint, args.toArray(String[]::new));
        for (String line : info.output.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2 || !f[0].startsWith("/nlsoak-")) {
                continue;
            }
            String c = f[0].substring(1);
            m.state.put(c, f[1].equals("running") ? "running" : f[1].equals("created") ? "created" : "exited");
            Set<String> on = new HashSet<>();
            for (int i = 2; i < f.length; i++) {
                if (m.networks.containsKey(f[i])) {
                    on.add(f[i]);
                }
            }
            m.nets.put(c, on);
        }
    }

    // ---- engine 2 -----------------------------------------------------------------------------------

    /** Stops engine 2 at a third and at two thirds of the churn, and starts it again as the lab does. */
    private void restartEngine2Twice(long churnNs, Model m2, ThreadPoolExecutor w2) {
        long t0 = System.nanoTime();
        try {
            for (int i = 1; i <= 2; i++) {
                long at = t0 + churnNs * i / 3;
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                engine2Down = true;
                // Let the change under way end, so the model stays true; then stop the engine.
                Thread.sleep(1_000);
                pending.values().removeIf(e -> {
                    boolean drop = e.endpoint().equals(E2);
                    if (drop) {
                        droppedByRestart.incrementAndGet();
                    }
                    return drop;
                });
                log("engine 2: stopping (" + i + " of 2)");
                script("node2-down");
                Thread.sleep(Math.min(20_000, churnNs / 1_000_000 / 20));
                log("engine 2: starting again");
                script("node2-up");
                w2.submit(() -> resync(m2)).get();
                engine2Down = false;
                log("engine 2: back, " + m2.state.size() + " nlsoak containers on it");
            }
        } catch (Exception e) {
            exceptions.incrementAndGet();
            exceptionLines.add("restarting engine 2: " + e);
            engine2Down = false;
        }
    }

    private static void script(String command) throws Exception {
        Process p = new ProcessBuilder("bash", System.getProperty("soak.script", "bench/soak.sh"), command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(NO_INPUT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bench/soak.sh " + command + " failed");
        }
    }

    private static void cleanup(String endpoint) {
        Result ids = run(endpoint, "ps", "-aq", "--filter", "label=" + LABEL);
        for (String id : ids.output.strip().split("\\s+")) {
            if (!id.isBlank()) {
                run(endpoint, "rm", "-f", id);
            }
        }
        Result nets = run(endpoint, "network", "ls", "-q", "--filter", "label=" + LABEL);
        for (String id : nets.output.strip().split("\\s+")) {
            if (!id.isBlank()) {
                run(endpoint, "network", "rm", id);
            }
        }
    }

    // ---- checks ---------------------------------------------------------------------------------------

    /**
     * The live snapshot against a fresh full discovery of both engines. Another program may change the
     * engines meanwhile (the lab is shared): a difference is looked at again a few times before it counts.
     */
    private List<String> compareWithDiscovery(Discovery discovery, String when) throws InterruptedException {
        List<String> diff = List.of();
        for (int attempt = 0; attempt < 4; attempt++) {
            TopologySnapshot fresh = discovery.discover(ENDPOINTS).snapshot();
            TopologySnapshot mine = latest;
            diff = differences(mine, fresh.withSource(mine.source()));
            if (diff.isEmpty()) {
                log("live snapshot equals a fresh discovery " + when);
                return diff;
            }
            log("live snapshot differs from a fresh discovery " + when + " (attempt " + (attempt + 1) + "):");
            diff.stream().limit(20).forEach(d -> log("  " + d));
            Thread.sleep(8_000);
        }
        return diff;
    }

    static List<String> differences(TopologySnapshot live, TopologySnapshot fresh) {
        List<String> out = new ArrayList<>();
        if (SnapshotChange.sameTopology(live, fresh)) {
            return out;
        }
        diff(out, "container", live.containers(), fresh.containers());
        diff(out, "network", live.networks(), fresh.networks());
        diff(out, "namespace", live.namespaces(), fresh.namespaces());
        diff(out, "interface", live.interfaces(), fresh.interfaces());
        diff(out, "tunnel", live.tunnels(), fresh.tunnels());
        if (out.isEmpty()) {
            out.add("hosts differ (firewall, sysctls or engine facts)");
        }
        return out;
    }

    private static <T> void diff(List<String> out, String what, List<T> live, List<T> fresh) {
        Set<String> a = new TreeSet<>(live.stream().map(Object::toString).toList());
        Set<String> b = new TreeSet<>(fresh.stream().map(Object::toString).toList());
        for (String s : a) {
            if (!b.contains(s)) {
                out.add("only live " + what + ": " + s);
            }
        }
        for (String s : b) {
            if (!a.contains(s)) {
                out.add("only fresh " + what + ": " + s);
            }
        }
    }

    record Resources(double heapMb, int threads, long fds) {
        static Resources now() throws Exception {
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(300);
            }
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            long fds;
            try (var s = Files.list(Path.of("/proc/self/fd"))) {
                fds = s.count();
            }
            return new Resources(Math.round(heap * 10) / 10.0, threads, fds);
        }
    }

    /**
     * The containers and networks a snapshot shows, as "container NAME" and "network NAME" with numbers
     * replaced by # (another program's 200 containers are one name, 200 times).
     */
    private static List<String> objects(TopologySnapshot s) {
        List<String> out = new ArrayList<>();
        s.containers().forEach(c -> out.add("container " + name(c).replaceAll("\\d+", "#")));
        s.networks().forEach(n -> out.add("network " + String.valueOf(n.name()).replaceAll("\\d+", "#")));
        return out;
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
    private static String loadAverage() throws java.io.IOException {
        return String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+"), 3));
    }

    /** Child processes by command line alone (pids differ from run to run). */
    private static List<String> commands(List<String> children) {
        return children.stream().map(c -> c.replaceFirst("^\\d+ ", "")).toList();
    }

    private int stallDumps;

    /**
     * When a change has waited more than 20 s for the canvas, the threads' stacks (jcmd Thread.print)
     * go to stall-N.txt beside the figures: where the live pipeline waits. At most three.
     */
    private void stallDump(Path out) {
        long now = System.nanoTime();
        boolean stalled = pending.values().stream().anyMatch(e -> now - e.madeNs() > 20_000_000_000L);
        if (!stalled || stallDumps >= 3) {
            return;
        }
        Path file = out.resolve("stall-" + ++stallDumps + ".txt");
        try {
            new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile())
                    .redirectInput(NO_INPUT).start().waitFor(60, TimeUnit.SECONDS);
            log("a change waits for the canvas for more than 20 s: threads in " + file);
        } catch (Exception e) {
            log("no thread dump: " + e.getMessage());
        }
    }

    /**
     * The canvas in the same state at both ends: fit to the window and resting until the pictures that
     * stand in for its shapes are all taken (they are a bounded cache of pixels whose size depends on
     * where the camera was and how far their taking had gone: the heap is compared like with like).
     */
    private static void restTheCanvas(MainWindow window) throws Exception {
        // A zoom in and out first, as a user's gesture: the canvas makes its window-sized pictures (kept
        // while the view keeps its size) at the first gesture; without this the start had none and the
        // end two, 23 MB at this window size (the soak of 20:29).
        for (double factor : new double[] {1.1, 1 / 1.1}) {
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
            Thread.sleep(200);
        }
        log("canvas at rest, pictures taken: " + UiBench.fx(() -> window.canvas().standInPrepared()));
    }

    /**
     * The heap's classes by bytes (jcmd; it collects first): what grew, when the heap did. Taken twice,
     * and the second is the reading: even with -XX:SoftRefLRUPolicyMSPerMB=0, HotSpot keeps a soft
     * reference through a collection when it was read since the previous one, and JavaFX's effect image
     * pool reads every entry at each check-out, so the first histogram after the canvas rests still
     * counts the whole pool (StandInHeapProbe, 2026-12-04: int[] 131-136 MB in the first, 106.7 MB flat
     * in the second at every reading). The first is kept beside it ({@code -first}) for comparison.
     */
    private static void histogram(Path file) {
        String name = file.getFileName().toString();
        Path first = file.resolveSibling(name.replace(".txt", "-first.txt"));
        for (Path to : List.of(first, file)) {
            try {
                new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                        .redirectErrorStream(true).redirectOutput(to.toFile())
                        .redirectInput(NO_INPUT).start().waitFor(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                log("no class histogram: " + e.getMessage());
            }
        }
    }

    /** The MB of int[] in a class histogram (jcmd GC.class_histogram), 0 when there is none. */
    /** Every live object of a class histogram, in MB. */
    static double histogramMb(Path histogram) {
        double bytes = 0;
        try {
            for (String line : Files.readAllLines(histogram)) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes += Double.parseDouble(f[2]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return bytes / 1048576.0;
    }

    /** Warnings and errors the application logged (to its file, as it does for users) count as exceptions logged. */
    private void logProblems(Path logFile) {
        try {
            for (String line : Files.readAllLines(logFile)) {
                String[] f = line.split(" ", 3);
                if (f.length == 3 && (f[1].equals("SEVERE") || f[1].equals("WARNING"))) {
                    exceptions.incrementAndGet();
                    exceptionLines.add("log: " + line);
                }
            }
        } catch (java.io.IOException e) {
            // no log file: nothing logged there
        }
    }

    static double intArrayMb(Path histogram) {
        try {
            for (String line : Files.readAllLines(histogram)) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 4 && f[3].equals("[I")) {
                    return Long.parseLong(f[2]) / 1048576.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            log("cannot read " + histogram + ": " + e.getMessage());
        }
        return 0;
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private int appliedTotal() {
        return applied.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /**
     * Counts what reaches stderr that is not the harness's own: every library's and the application's
     * log lines and stack traces; and exceptions no thread caught.
     */
    private void countExceptions() {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                err.write(b);
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!text.startsWith("[soak") && (text.contains("Exception") || text.contains("ERROR")
                        || text.contains("Error:"))) {
                    exceptions.incrementAndGet();
                    exceptionLines.add(text);
                }
            }
        }, true, StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            exceptions.incrementAndGet();
            exceptionLines.add("uncaught in " + t.getName() + ": " + e);
            e.printStackTrace(err);
        });
    }

    static void log(String s) {
        System.err.println("[soak " + java.time.LocalTime.now().withNano(0) + "] " + s);
    }
}

package dev.netlens.trace;

import static dev.netlens.trace.LabCommands.ENGINE1;
import static dev.netlens.trace.LabCommands.NODE2;
import static dev.netlens.trace.LabCommands.docker;
import static dev.netlens.trace.LabCommands.must;
import static dev.netlens.trace.LabCommands.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The trace tests' own objects on the real two-engine lab, all labelled {@code netlens.test=trace}
 * (containers named {@code trace-*}), plus a client namespace and one DOCKER-USER rule of our own.
 * Everything is removed by label, name or comment, at start (leftovers of a killed run) and at the end.
 *
 * <pre>
 * engine 1  trace-net1  (bridge 100.71.1.0/24)  trace-a, trace-b (alias trace-alias-b), trace-p (publishes
 *                                                100.64.71.1:47113 -> 7000); trace-m shares trace-b's namespace
 *           trace-net2  (bridge 100.71.2.0/24)  trace-c
 *           trace-int   (internal 100.71.3.0/24) trace-i1, trace-i2
 *           trace-noicc (enable_icc=false 100.71.4.0/24) trace-n1, trace-n2
 *           trace-fw    (bridge 100.71.5.0/24)  trace-f1, trace-f2; DOCKER-USER drops trace-f1 -> trace-f2
 *           none        trace-none
 *           trace-ovl   (attachable overlay 100.71.6.0/24) trace-o1; node2: trace-o2
 * node2     bridge      (default)             trace-n2b
 * netns trace-client  trace-c0 100.64.71.2/30  <->  host trace-h0 100.64.71.1/30
 * </pre>
 * Every container's main process is busybox {@code nc -ll -p 7000 -e cat} (trace-m's: port 7001), a
 * persistent echo listener, so tcp probes have something to reach.
 */
final class TraceLab implements AutoCloseable {
    static final String LABEL = "netlens.test=trace";
    static final String IMAGE = "netlens/busybox:lab";
    static final String RULE_COMMENT = "netlens-test";
    static final int PORT = 7000;
    static final int MEMBER_PORT = 7001;
    static final String CLIENT_NETNS = "trace-client";
    static final String HOST_VETH = "trace-h0";
    static final String CLIENT_VETH = "trace-c0";
    static final String HOST_VETH_ADDRESS = "100.64.71.1";
    static final String CLIENT_ADDRESS = "100.64.71.2";
    static final int PUBLISHED_PORT = 47113;
    static final String ALIAS = "trace-alias-b";
    /** Lookups the embedded DNS cannot answer go here, where nothing listens (as the lab does). */
    private static final String DNS = "198.18.0.1";

    /** Containers by name: the engine they run on. */
    private final Map<String, String> engines = new ConcurrentHashMap<>();
    /** Each container's address on its first network (none for trace-none). */
    private final Map<String, String> addresses = new ConcurrentHashMap<>();
    /** Its own threads: the common pool has one worker on two cores, and these tasks mostly wait on docker. */
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "trace-lab");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Removes everything of ours from both engines, the kernel and the firewall; idempotent. */
    static void removeAll() {
        removeDockerUserRules();
        for (String engine : List.of(ENGINE1, NODE2)) {
            String ids = run(docker(engine, "ps", "-aq", "--filter", "label=" + LABEL)).out().strip();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(List.of(ids.split("\\s+")));
                run(docker(engine, rm));
            }
        }
        // Networks after their containers; node2's copy of the overlay goes with its last container.
        for (String engine : List.of(ENGINE1, NODE2)) {
            String ids = run(docker(engine, "network", "ls", "-q", "--filter", "label=" + LABEL)).out().strip();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("network", "rm"));
                rm.addAll(List.of(ids.split("\\s+")));
                run(docker(engine, rm));
            }
        }
        // A worker drops its copy of an overlay shortly after its last container: wait, so the next reader
        // of node2 does not see it half gone.
        for (int i = 0; i < 40 && !run(docker(NODE2, "network", "ls", "-q", "--filter", "name=trace-ovl")).out().isBlank(); i++) {
            sleep(250);
        }
        run(List.of("ip", "netns", "del", CLIENT_NETNS));
        run(List.of("ip", "link", "del", HOST_VETH));
    }

    /**
     * Deletes every DOCKER-USER rule carrying our comment (engine 1's namespace), by its specification
     * rather than its number, so a rule someone else inserts meanwhile is never the one deleted.
     */
    static void removeDockerUserRules() {
        LabCommands.Result listed = run(List.of("iptables", "-S", "DOCKER-USER"));
        if (!listed.ok()) {
            return;
        }
        for (String line : listed.out().split("\n")) {
            if (line.startsWith("-A DOCKER-USER ") && line.matches(".*--comment \"?" + RULE_COMMENT + "\"?( .*)?")) {
                // Our own rule, written without quoted words: its words are the specification to delete.
                List<String> delete = new ArrayList<>(List.of("iptables", "-D"));
                delete.addAll(List.of(line.substring(3).replace("\"", "").split("\\s+")));
                must(delete);
            }
        }
    }

    /** Builds the whole lab, in parallel where nothing depends on something else. */
    void build() {
        CompletableFuture<Void> client = CompletableFuture.runAsync(TraceLab::buildClientNamespace, pool);
        CompletableFuture<Void> net1 = network("trace-net1", "100.71.1.0/24")
                .thenCompose(v -> all(
                        container(ENGINE1, "trace-a", "trace-net1", PORT),
                        container(ENGINE1, "trace-b", "trace-net1", PORT, "--network-alias", ALIAS)
                                .thenCompose(w -> container(ENGINE1, "trace-m", "container:trace-b", MEMBER_PORT)),
                        container(ENGINE1, "trace-p", "trace-net1", PORT,
                                "-p", HOST_VETH_ADDRESS + ":" + PUBLISHED_PORT + ":" + PORT)));
        CompletableFuture<Void> net2 = network("trace-net2", "100.71.2.0/24")
                .thenCompose(v -> container(ENGINE1, "trace-c", "trace-net2", PORT));
        CompletableFuture<Void> internal = network("trace-int", "100.71.3.0/24", "--internal")
                .thenCompose(v -> all(container(ENGINE1, "trace-i1", "trace-int", PORT),
                        container(ENGINE1, "trace-i2", "trace-int", PORT)));
        CompletableFuture<Void> noIcc = network("trace-noicc", "100.71.4.0/24", "-o", "com.docker.network.bridge.enable_icc=false")
                .thenCompose(v -> all(container(ENGINE1, "trace-n1", "trace-noicc", PORT),
                        container(ENGINE1, "trace-n2", "trace-noicc", PORT)));
        CompletableFuture<Void> fw = network("trace-fw", "100.71.5.0/24")
                .thenCompose(v -> all(container(ENGINE1, "trace-f1", "trace-fw", PORT),
                        container(ENGINE1, "trace-f2", "trace-fw", PORT)));
        CompletableFuture<Void> none = container(ENGINE1, "trace-none", "none", PORT);
        CompletableFuture<Void> overlay = network("trace-ovl", "100.71.6.0/24", "-d", "overlay", "--attachable")
                .thenCompose(v -> all(container(ENGINE1, "trace-o1", "trace-ovl", PORT),
                        container(NODE2, "trace-o2", "trace-ovl", PORT)));
        CompletableFuture<Void> node2Bridge = container(NODE2, "trace-n2b", "bridge", PORT);
        all(client, net1, net2, internal, noIcc, fw, none, overlay, node2Bridge).join();
    }

    /** Drops trace-f1 -> trace-f2 in DOCKER-USER, matching only those two addresses. */
    void addDockerUserDrop() {
        must(List.of("iptables", "-I", "DOCKER-USER", "-s", address("trace-f1") + "/32", "-d", address("trace-f2") + "/32",
                "-m", "comment", "--comment", RULE_COMMENT, "-j", "DROP"));
    }

    String address(String container) {
        String a = addresses.get(container);
        if (a == null) {
            throw new IllegalArgumentException(container + " has no address");
        }
        return a;
    }

    String engineOf(String container) {
        return engines.get(container);
    }

    private static void buildClientNamespace() {
        must(List.of("ip", "netns", "add", CLIENT_NETNS));
        must(List.of("ip", "link", "add", HOST_VETH, "type", "veth", "peer", "name", CLIENT_VETH));
        must(List.of("ip", "link", "set", CLIENT_VETH, "netns", CLIENT_NETNS));
        must(List.of("ip", "addr", "add", HOST_VETH_ADDRESS + "/30", "dev", HOST_VETH));
        must(List.of("ip", "link", "set", HOST_VETH, "up"));
        must(List.of("ip", "-n", CLIENT_NETNS, "addr", "add", CLIENT_ADDRESS + "/30", "dev", CLIENT_VETH));
        must(List.of("ip", "-n", CLIENT_NETNS, "link", "set", CLIENT_VETH, "up"));
        must(List.of("ip", "-n", CLIENT_NETNS, "link", "set", "lo", "up"));
        must(List.of("ip", "-n", CLIENT_NETNS, "route", "add", "default", "via", HOST_VETH_ADDRESS));
    }

    private CompletableFuture<Void> network(String name, String subnet, String... options) {
        return CompletableFuture.runAsync(() -> {
            List<String> args = new ArrayList<>(List.of("network", "create", "--label", LABEL, "--subnet", subnet));
            args.addAll(List.of(options));
            args.add(name);
            must(docker(ENGINE1, args));
        }, pool);
    }

    private CompletableFuture<Void> container(String engine, String name, String network, int port, String... options) {
        return CompletableFuture.runAsync(() -> {
            List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--label", LABEL, "--stop-timeout", "1",
                    "--network", network));
            if (!network.startsWith("container:")) {
                args.addAll(List.of("--hostname", name));
                if (!network.equals("none")) {
                    args.addAll(List.of("--dns", DNS));
                }
            }
            args.addAll(List.of(options));
            args.addAll(List.of(IMAGE, "nc", "-ll", "-p", String.valueOf(port), "-e", "cat"));
            must(docker(engine, args));
            engines.put(name, engine);
            String ip = must(docker(engine, "inspect", "-f",
                    "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", name)).strip();
            if (!ip.isEmpty()) {
                addresses.put(name, ip.split("\\s+")[0]);
            }
        }, pool);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<Void> all(CompletableFuture<?>... parts) {
        return CompletableFuture.allOf(parts);
    }
}

package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traffic of known size between containers made here, and the bytes Netlens's counters report for
 * it: 2,000,000 bytes of TCP payload (busybox nc) across a bridge network of our own, and across the
 * lab's overlay from engine 1 to node2. Each interface on the way must show the payload plus its
 * headers within 10%. Everything made here is named {@code nlrate-} and labelled, removed before and
 * after.
 */
@EngineTest
class TrafficAgainstLabTest {
    static final String LABEL = "netlens.test=nlrate";
    static final String NETWORK = "nlrate-net";
    static final int PAYLOAD = 2_000_000;
    /** Ethernet 14 + IPv4 20 + TCP 20 + timestamps 12 per segment. */
    static final int HEADERS = 66;
    /** VXLAN's own headers on the underlay: outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
    static final int VXLAN = 50;

    @BeforeAll
    static void makeContainers() {
        removeOurs();
        Lab.docker(Lab.ENGINE1, "network", "create", "--label", LABEL, "--subnet", "100.64.93.0/24",
                "-o", "com.docker.network.bridge.name=nlrate-br0", NETWORK);
        run(Lab.ENGINE1, "nlrate-src", NETWORK);
        run(Lab.ENGINE1, "nlrate-dst", NETWORK);
        run(Lab.ENGINE1, "nlrate-o1", "lab-overlay");
        run(Lab.NODE2, "nlrate-o2", "lab-overlay");
    }

    private static void run(String engine, String name, String network) {
        Lab.docker(engine, "run", "-d", "--name", name, "--label", LABEL, "--network", network, "--stop-timeout", "1",
                "--dns", "198.18.0.1", "netlens/busybox:lab", "sleep", "900");
    }

    @AfterAll
    static void removeWhatThisTestMade() {
        assertEquals(List.of(), removeOurs(), "clean-up of " + LABEL);
    }

    static List<String> removeOurs() {
        List<String> errors = new ArrayList<>();
        for (String engine : List.of(Lab.ENGINE1, Lab.NODE2)) {
            try {
                String ids = Lab.docker(engine, "ps", "-aq", "--filter", "label=" + LABEL).strip();
                if (!ids.isEmpty()) {
                    List<String> argv = new ArrayList<>(List.of("rm", "-f"));
                    argv.addAll(List.of(ids.split("\\s+")));
                    Lab.docker(engine, argv.toArray(String[]::new));
                }
                String nets = Lab.docker(engine, "network", "ls", "-q", "--filter", "label=" + LABEL).strip();
                if (!nets.isEmpty()) {
                    List<String> argv = new ArrayList<>(List.of("network", "rm"));
                    argv.addAll(List.of(nets.split("\\s+")));
                    Lab.docker(engine, argv.toArray(String[]::new));
                }
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    @Test
    void bytesSentAcrossABridgeShowOnTheSourcesVethTheBridgePortAndTheDestination() throws Exception {
        TopologySnapshot snapshot = discover(List.of(Lab.ENGINE1));
        String srcEth0 = eth0Of(snapshot, "nlrate-src");
        String dstEth0 = eth0Of(snapshot, "nlrate-dst");
        NetInterface srcVeth = peerOf(snapshot, srcEth0);
        NetInterface dstPort = peerOf(snapshot, dstEth0);
        assertEquals(srcVeth.master(), dstPort.master(), "both host ends are ports of one bridge");
        assertTrue(srcVeth.master().endsWith("/nlrate-br0"), srcVeth.master());

        Map<String, InterfaceRate> rates = measure(snapshot, Lab.ENGINE1, "nlrate-src", Lab.ENGINE1, "nlrate-dst",
                ipOf(Lab.ENGINE1, "nlrate-dst", NETWORK));
        // The payload one way: sent by src's eth0, received by its host end, sent by the destination's
        // bridge port, received by the destination's eth0.
        assertCarried(rates.get(srcEth0).txBytesPerSecond(), rates, srcEth0, "source eth0 sent");
        assertCarried(rates.get(srcVeth.id()).rxBytesPerSecond(), rates, srcVeth.id(), "source host veth received");
        assertCarried(rates.get(dstPort.id()).txBytesPerSecond(), rates, dstPort.id(), "bridge port to the destination sent");
        assertCarried(rates.get(dstEth0).rxBytesPerSecond(), rates, dstEth0, "destination eth0 received");
    }

    @Test
    void bytesSentAcrossTheOverlayShowOnTheVxlanDeviceAndWithVxlansHeadersOnTheUnderlay() throws Exception {
        TopologySnapshot snapshot = discover(List.of(Lab.ENGINE1, Lab.NODE2));
        Host engine1 = snapshot.hosts().stream().filter(h -> h.endpoint().equals(Lab.ENGINE1)).findFirst().orElseThrow();
        String o1Eth0 = eth0Of(snapshot, "nlrate-o1");
        NetInterface o1Port = peerOf(snapshot, o1Eth0);
        NetInterface vxlan = snapshot.interfaces().stream()
                .filter(i -> i.kind() == InterfaceKind.VXLAN && i.namespace().equals(o1Port.namespace()))
                .findFirst().orElseThrow(() -> new AssertionError("no VXLAN device beside " + o1Port.id()));
        NetInterface underlay = snapshot.interfaces().stream()
                .filter(i -> i.namespace().equals(engine1.id() + "/ns/host") && i.name().equals("n1-eth"))
                .findFirst().orElseThrow(() -> new AssertionError("no n1-eth in engine 1's namespace"));

        Map<String, InterfaceRate> rates = measure(snapshot, Lab.ENGINE1, "nlrate-o1", Lab.NODE2, "nlrate-o2",
                ipOf(Lab.NODE2, "nlrate-o2", "lab-overlay"));
        assertCarried(rates.get(o1Eth0).txBytesPerSecond(), rates, o1Eth0, "o1's overlay eth0 sent");
        // The VXLAN device counts the inner frames it encapsulates ...
        double inner = bytes(rates.get(vxlan.id()).txBytesPerSecond());
        assertCarried(rates.get(vxlan.id()).txBytesPerSecond(), rates, vxlan.id(), "VXLAN device sent");
        // ... and the underlay carries them with VXLAN's 50 bytes a packet on top.
        double packets = bytes(rates.get(vxlan.id()).txPacketsPerSecond());
        double expected = inner + VXLAN * packets;
        double seen = bytes(rates.get(underlay.id()).txBytesPerSecond());
        assertTrue(Math.abs(seen - expected) <= 0.10 * expected,
                "underlay n1-eth sent " + seen + " bytes, the VXLAN device's " + inner + " + 50 x " + packets
                        + " packets = " + expected + " (within 10%)");
        System.out.printf("overlay: payload %d, VXLAN device %.0f (%.2f%%), underlay %.0f vs %.0f expected (%.2f%%)%n",
                PAYLOAD, inner, 100 * (inner / PAYLOAD - 1), seen, expected, 100 * (seen / expected - 1));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static double lastSeconds;

    /** Bytes over the measured interval, back from a rate. */
    private static double bytes(double perSecond) {
        return perSecond * lastSeconds;
    }

    /** The direction's bytes are the payload plus its headers: within 10% of that, never below the payload. */
    private static void assertCarried(double perSecond, Map<String, InterfaceRate> rates, String id, String what) {
        assertTrue(rates.get(id).known(), what + ": a rate, not a reset");
        double seen = bytes(perSecond);
        double segments = Math.ceil(PAYLOAD / 1_398.0); // the overlay's MSS is the smaller: the most headers
        double expected = PAYLOAD + HEADERS * segments;
        System.out.printf("%s (%s): %.0f bytes for %d of payload, %.0f expected (%.2f%%)%n", what, id, seen, PAYLOAD,
                expected, 100 * (seen / expected - 1));
        assertTrue(seen >= PAYLOAD && Math.abs(seen - expected) <= 0.10 * expected,
                what + " " + id + ": " + seen + " bytes, expected " + expected + " within 10%");
    }

    private static TopologySnapshot discover(List<String> engines) {
        try (Discovery discovery = Discovery.local()) {
            TopologySnapshot s = discovery.discover(engines).snapshot();
            s.hosts().forEach(h -> assertTrue(h.kernelView(), "kernel view of " + h.endpoint() + ": " + h.missing()));
            return s;
        }
    }

    /**
     * Counters read the way the sampler reads them, before and after {@code PAYLOAD} bytes go from
     * one container to the other; the rates between the two reads.
     */
    private static Map<String, InterfaceRate> measure(TopologySnapshot snapshot, String fromEngine, String from,
            String toEngine, String to, String toAddress) throws Exception {
        CounterRead before;
        CounterRead after;
        // Closed at the end: the anchors it starts in the overlay namespaces are let go.
        try (CounterReader reader = new CounterReader(new ProcessCommandRunner(Duration.ofSeconds(10)), Path.of("/proc"))) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() ->
                    Lab.docker(toEngine, "exec", to, "sh", "-c", "sleep 60 | nc -l -p 5001 | busybox wc -c"));
            waitUntilListening(toEngine, to);
            before = reader.read(snapshot);
            assertEquals(Map.of(), before.unavailable());
            Lab.docker(fromEngine, "exec", from, "sh", "-c",
                    "busybox head -c " + PAYLOAD + " /dev/zero | nc " + toAddress + " 5001");
            assertEquals(Integer.toString(PAYLOAD), received.get(60, TimeUnit.SECONDS).strip(), "the listener got it all");
            after = reader.read(snapshot);
        }
        Map<String, InterfaceRate> rates = Rates.between(before.samples(), after.samples());
        // The rates are per second over this interval: the bytes are the rate times it.
        String any = rates.keySet().iterator().next();
        lastSeconds = (after.samples().get(any).readAtNanos() - before.samples().get(any).readAtNanos()) / 1e9;
        // Each namespace is read at its own moment: use each interface's own interval.
        Map<String, InterfaceRate> perInterface = new java.util.HashMap<>();
        rates.forEach((id, r) -> {
            double own = (after.samples().get(id).readAtNanos() - before.samples().get(id).readAtNanos()) / 1e9;
            double k = own / lastSeconds;
            perInterface.put(id, new InterfaceRate(id, r.known(), r.rxBytesPerSecond() * k, r.txBytesPerSecond() * k,
                    r.rxPacketsPerSecond() * k, r.txPacketsPerSecond() * k, r.dropsRose(), r.errorsRose()));
        });
        return perInterface;
    }

    private static void waitUntilListening(String engine, String container) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Lab.docker(engine, "exec", container, "busybox", "netstat", "-ltn").contains(":5001")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nc never listened in " + container);
    }

    private static String ipOf(String engine, String container, String network) {
        String ip = Lab.docker(engine, "inspect", "-f", "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}",
                container).strip();
        assertTrue(!ip.isEmpty(), container + " has an address on " + network);
        return ip;
    }

    /** The eth0 of a container's namespace, by the snapshot's interface id. */
    private static String eth0Of(TopologySnapshot s, String name) {
        String id = s.containers().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not discovered")).id();
        NetNamespace ns = s.namespaces().stream().filter(n -> n.containers().contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no namespace of " + name));
        return ns.id() + "/eth0";
    }

    private static NetInterface peerOf(TopologySnapshot s, String interfaceId) {
        NetInterface i = s.interfaces().stream().filter(x -> x.id().equals(interfaceId)).findFirst().orElseThrow();
        assertNotNull(i.peer(), interfaceId + " has a veth peer");
        return s.interfaces().stream().filter(x -> x.id().equals(i.peer())).findFirst().orElseThrow();
    }
}

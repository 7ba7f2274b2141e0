package dev.netlens.bench;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.trace.TraceResult;
import dev.netlens.trace.Tracer;
import dev.netlens.trace.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's figure: a trace on a 200-container host once the snapshot is read (goal under 50 ms).
 * Each sample is one trace on a fresh {@link Tracer}: its indexes, route tables and the host's parsed
 * rules are built inside the timing, as for the window's first trace after a snapshot arrives. A warm
 * figure (the same Tracer, later traces) is recorded beside it.
 *
 * <p>{@code TraceBench RESULTS SNAPSHOT WARMUP ROUNDS}; the traces: two containers of one network,
 * two of different networks (isolation), a client outside to a published port (DNAT, FORWARD), and a
 * container to an outside address (MASQUERADE).
 */
public final class TraceBench {
    private TraceBench() {
    }

    public static void main(String[] args) throws Exception {
        Results results = new Results(Path.of(args[0]));
        TopologySnapshot snapshot = SnapshotJson.read(Path.of(args[1]));
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<String[]> traces = traces(snapshot);
        String scale = String.valueOf(snapshot.containers().size());
        for (int i = 0; i < warmup; i++) {
            for (String[] t : traces) {
                check(new Tracer(snapshot).trace(t[0], t[1]), t);
            }
        }
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String[] t : traces) {
                long start = System.nanoTime();
                Tracer tracer = new Tracer(snapshot);
                check(tracer.trace(t[0], t[1]), t);
                cold.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                check(tracer.trace(t[0], t[1]), t);
                warm.add((System.nanoTime() - start) / 1e6);
            }
        }
        results.metric("trace_cold", scale, "ms", cold);
        results.metric("trace_warm", scale, "ms", warm);
        results.meta("trace", Map.of("containers", snapshot.containers().size(), "traces", traces.size(),
                "samples", cold.size()));
        System.out.printf("trace on %s containers: fresh Tracer median %.2f ms (max %.2f), warm median %.2f ms%n", scale,
                median(cold), cold.stream().mapToDouble(Double::doubleValue).max().orElse(0), median(warm));
    }

    private static List<String[]> traces(TopologySnapshot s) {
        List<Container> running = s.containers().stream().filter(Container::running)
                .filter(c -> !c.endpoints().isEmpty() && c.endpoints().get(0).ipv4() != null).toList();
        Container a = running.get(0);
        Container sameNet = running.stream().filter(c -> c != a && c.endpoints().stream()
                .anyMatch(e -> e.network().equals(a.endpoints().get(0).network()))).findFirst().orElseThrow();
        Container otherNet = running.stream().filter(c -> c.endpoints().stream()
                .noneMatch(e -> a.endpoints().stream().anyMatch(f -> f.network().equals(e.network())))).findFirst()
                .orElseThrow();
        PortMapping published = s.containers().stream().flatMap(c -> c.ports().stream())
                .filter(p -> "0.0.0.0".equals(p.hostIp())).findFirst().orElseThrow();
        return List.of(new String[] {a.name(), sameNet.name() + ":80"}, new String[] {a.name(), otherNet.name()},
                new String[] {"203.0.113.9", "host:" + published.hostPort()}, new String[] {a.name(), "203.0.113.9:443"});
    }

    private static void check(TraceResult r, String[] t) {
        if (r.verdict() == Verdict.UNKNOWN) {
            throw new IllegalStateException(t[0] + " -> " + t[1] + " gave unknown: " + r.reason().in(java.util.Locale.ENGLISH));
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
    }
}

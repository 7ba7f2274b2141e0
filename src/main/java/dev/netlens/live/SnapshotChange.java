package dev.netlens.live;

import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a new snapshot says anything the previous one did not: capture times and firewall counters
 * do not count. Counters rise with every packet; a picture redrawn for each would never settle. The
 * firewall panel reads them from the newest snapshot, and re-reads them on request.
 */
public final class SnapshotChange {
    /** iptables-save -c's {@code [packets:bytes]}: before a rule, or after a chain's policy. */
    private static final Pattern IPTABLES_COUNTERS = Pattern.compile("(?m)^\\[\\d+:\\d+\\] |(?<=^:\\S{1,64} \\S{1,16}) \\[\\d+:\\d+\\]$");
    /** nft -j's counter values, in counter statements, named counters and set elements alike. */
    private static final Pattern NFT_COUNTERS = Pattern.compile("\"(packets|bytes)\"\\s*:\\s*\\d+");

    private SnapshotChange() {
    }

    public static boolean sameTopology(TopologySnapshot a, TopologySnapshot b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.namespaces().equals(b.namespaces()) && a.interfaces().equals(b.interfaces())
                && a.networks().equals(b.networks()) && a.containers().equals(b.containers())
                && a.tunnels().equals(b.tunnels()) && comparable(a.hosts()).equals(comparable(b.hosts()))
                && java.util.Objects.equals(a.source(), b.source());
    }

    /**
     * Hosts with the firewall dumps' comment lines and counters removed: iptables-save stamps each dump
     * with the time, and every packet moves a counter.
     */
    private static List<Host> comparable(List<Host> hosts) {
        return hosts.stream().map(h -> new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(),
                h.kernelVersion(), h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), h.kernelView(), h.kernelId(),
                h.missing(), withoutCounters(h.firewall()), h.sysctls())).toList();
    }

    private static FirewallCapture withoutCounters(FirewallCapture f) {
        if (f == null) {
            return null;
        }
        String nft = f.nftRuleset() == null ? null : NFT_COUNTERS.matcher(f.nftRuleset()).replaceAll("\"$1\":0");
        return new FirewallCapture(strip(f.iptablesSave()), strip(f.ip6tablesSave()), nft, f.missing());
    }

    private static String strip(String dump) {
        if (dump == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(dump.length());
        dump.lines().filter(l -> !l.startsWith("#")).forEach(l -> b.append(l).append('\n'));
        return IPTABLES_COUNTERS.matcher(b).replaceAll("");
    }
}

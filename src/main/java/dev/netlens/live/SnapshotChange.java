package dev.netlens.live;

import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;

/** Whether a new snapshot says anything the previous one did not: capture times do not count. */
public final class SnapshotChange {
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

    /** Hosts with the firewall dumps' comment lines removed: iptables-save stamps each dump with the time. */
    private static List<Host> comparable(List<Host> hosts) {
        return hosts.stream().map(h -> new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(),
                h.kernelVersion(), h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), h.kernelView(), h.kernelId(),
                h.missing(), withoutComments(h.firewall()), h.sysctls())).toList();
    }

    private static FirewallCapture withoutComments(FirewallCapture f) {
        if (f == null) {
            return null;
        }
        return new FirewallCapture(strip(f.iptablesSave()), strip(f.ip6tablesSave()), f.nftRuleset(), f.missing());
    }

    private static String strip(String dump) {
        return dump == null ? null : dump.lines().filter(l -> !l.startsWith("#")).reduce("", (x, y) -> x + y + "\n");
    }
}

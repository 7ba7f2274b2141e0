package dev.netlens.trace;

import dev.netlens.Fixtures;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The recorded two-engine lab (Docker 20.10, routes not captured), and variants of its first host's state. */
final class LabSnapshots {
    static final String NODE1 = "host-2973bdca";
    static final String NODE2 = "host-38f94867";
    static final TopologySnapshot LAB = Fixtures.load(Fixtures.LAB);

    private LabSnapshots() {
    }

    /** The lab with node 1's iptables-save text edited. */
    static TopologySnapshot withRules(UnaryOperator<String> edit) {
        return withHost(h -> {
            FirewallCapture f = h.firewall();
            return copy(h, new FirewallCapture(edit.apply(f.iptablesSave()), f.ip6tablesSave(), f.nftRuleset(), f.missing()),
                    h.sysctls());
        });
    }

    static TopologySnapshot withSysctls(Map<String, String> sysctls) {
        return withHost(h -> copy(h, h.firewall(), sysctls));
    }

    static TopologySnapshot withoutFirewall() {
        return withHost(h -> copy(h, FirewallCapture.unavailable("iptables-save: permission denied"), h.sysctls()));
    }

    private static TopologySnapshot withHost(UnaryOperator<Host> change) {
        List<Host> hosts = LAB.hosts().stream().map(h -> h.id().equals(NODE1) ? change.apply(h) : h).toList();
        return new TopologySnapshot(LAB.schema(), LAB.capturedAt(), LAB.source(), hosts, LAB.namespaces(),
                LAB.interfaces(), LAB.networks(), LAB.containers(), LAB.tunnels());
    }

    private static Host copy(Host h, FirewallCapture f, Map<String, String> sysctls) {
        return new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(), h.kernelVersion(),
                h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), h.kernelView(), h.kernelId(), h.missing(), f,
                sysctls);
    }
}

package dev.netlens.discovery.swarm;

import dev.netlens.discovery.EngineFailure;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Swarm nodes that could not be read, drawn as hosts of their own: a box with the node's name and
 * address, no engine facts, and the reason in {@link Host#missing()}.
 */
public final class SwarmHosts {
    /** The start of the reason an unreachable node's host carries. */
    public static final String UNREACHABLE = "swarm node unreachable: ";

    private SwarmHosts() {
    }

    /**
     * The snapshot with a host for each node that has no endpoint, or whose endpoint failed in
     * discovery (its failure's message as the reason). Nodes already in the snapshot are left alone.
     */
    public static TopologySnapshot withUnreachable(TopologySnapshot snapshot, List<NodeReach> plan, List<EngineFailure> failures) {
        Map<String, String> failed = failures.stream().collect(Collectors.toMap(EngineFailure::endpoint, EngineFailure::message, (a, b) -> a));
        Set<String> present = snapshot.hosts().stream().map(Host::swarmNodeId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<Host> hosts = new ArrayList<>(snapshot.hosts());
        for (NodeReach reach : plan) {
            SwarmNode node = reach.node();
            if (present.contains(node.id())) {
                continue;
            }
            String reason = reach.reachable() ? failed.getOrDefault(reach.endpoint(), "engine " + reach.endpoint() + " was not read")
                    : reach.problem();
            hosts.add(new Host("host-node-" + node.id().substring(0, Math.min(12, node.id().length())),
                    reach.endpoint() == null ? "swarm-node:" + node.id() : reach.endpoint(),
                    node.hostname() + " (" + node.address() + ")", null, null, null, null, node.id(),
                    node.address().isEmpty() ? null : node.address(), "manager".equals(node.role()), false, null,
                    List.of(UNREACHABLE + reason), FirewallCapture.unavailable(UNREACHABLE + reason)));
        }
        return new TopologySnapshot(snapshot.schema(), snapshot.capturedAt(), snapshot.source(), hosts, snapshot.namespaces(),
                snapshot.interfaces(), snapshot.networks(), snapshot.containers(), snapshot.tunnels());
    }
}

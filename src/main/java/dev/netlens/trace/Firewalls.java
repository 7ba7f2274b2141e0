package dev.netlens.trace;

import dev.netlens.firewall.Chain;
import dev.netlens.firewall.FirewallCaptureParser;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.Table;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** Each host's parsed rules and evaluator, read once per snapshot. */
final class Firewalls {
    /** Docker 27's ipset of its bridges' subnets, which its isolation rules match on. */
    static final String DOCKER_BRIDGES_SET = "docker-ext-bridges-v4";

    /** One host's firewall: its rules and evaluator, or why they could not be read. */
    record Wall(FirewallRuleset rules, HookEvaluator evaluator, String missing) {
        /** The chain's rule count, to leave empty built-in chains out of the hops. */
        boolean emptyChain(String family, String table, String chain) {
            Table t = rules.table(family, table);
            Chain c = t == null ? null : t.chain(chain);
            return c != null && c.rules().isEmpty();
        }
    }

    private final SnapshotIndex index;
    private final BiFunction<FirewallRuleset, Map<String, List<String>>, HookEvaluator> evaluators;
    private final Map<String, Wall> walls = new ConcurrentHashMap<>();

    Firewalls(SnapshotIndex index, BiFunction<FirewallRuleset, Map<String, List<String>>, HookEvaluator> evaluators) {
        this.index = index;
        this.evaluators = evaluators;
    }

    Wall of(String hostId) {
        return walls.computeIfAbsent(hostId, this::read);
    }

    private Wall read(String hostId) {
        Host h = index.host(hostId);
        FirewallCapture capture = h == null ? null : h.firewall();
        if (capture == null || capture.iptablesSave() == null && capture.nftRuleset() == null) {
            String why = capture == null || capture.missing().isEmpty() ? "it was not captured"
                    : String.join("; ", capture.missing());
            return new Wall(FirewallRuleset.unreadable(why), null, why);
        }
        FirewallRuleset rules = FirewallCaptureParser.read(capture);
        return new Wall(rules, evaluators.apply(rules, Map.of(DOCKER_BRIDGES_SET, bridgeSubnets(hostId))), null);
    }

    private List<String> bridgeSubnets(String hostId) {
        List<String> out = new ArrayList<>();
        for (Network n : index.snapshot.networks()) {
            if (n.host().equals(hostId) && "bridge".equals(n.driver())) {
                n.subnets().stream().filter(s -> Ipv4.parse(s) != null).forEach(out::add);
            }
        }
        return out;
    }
}

package dev.netlens.reveal;

import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;

/**
 * What the snapshot knows of the firewall hooks behind published ports: the DNAT rules in the
 * hosts' captured iptables rules. The graph draws no firewall shapes; the caption says what is there.
 *
 * @param captured whether any host's rules were read at all
 * @param dnatRules rules jumping to DNAT (the published ports' rewrites)
 */
public record FirewallHooks(boolean captured, int dnatRules) {
    public static FirewallHooks of(TopologySnapshot snapshot) {
        boolean captured = false;
        int dnat = 0;
        for (Host h : snapshot.hosts()) {
            if (h.firewall() == null || h.firewall().iptablesSave() == null) {
                continue;
            }
            captured = true;
            for (String line : h.firewall().iptablesSave().split("\n")) {
                // With counters (iptables-save -c) a rule line starts "[packets:bytes] -A".
                String rule = line.startsWith("[") ? line.substring(line.indexOf(']') + 1).stripLeading() : line;
                if (rule.startsWith("-A ") && rule.contains(" -j DNAT")) {
                    dnat++;
                }
            }
        }
        return new FirewallHooks(captured, dnat);
    }
}

package dev.netlens.firewall;

import dev.netlens.snapshot.FirewallCapture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a host's raw {@link FirewallCapture} into one ruleset for the panel. */
public final class FirewallCaptureParser {
    private FirewallCaptureParser() {
    }

    /**
     * Reads iptables-save, ip6tables-save and the nft ruleset. With the iptables-nft backend nft
     * also lists iptables' own tables (as {@code xt} expressions that hide their options); those are
     * left out when iptables-save already gave them, since its text is the complete one.
     */
    public static FirewallRuleset read(FirewallCapture capture) {
        if (capture == null) {
            return FirewallRuleset.unreadable("no firewall capture for this host");
        }
        List<FirewallRuleset> parts = new ArrayList<>();
        if (capture.iptablesSave() != null) {
            parts.add(IptablesParser.parse(capture.iptablesSave(), "ip", "filter"));
        }
        if (capture.ip6tablesSave() != null) {
            parts.add(IptablesParser.parse(capture.ip6tablesSave(), "ip6", "filter"));
        }
        Set<String> seen = parts.stream().flatMap(p -> p.tables().stream()).map(Table::label)
                .collect(Collectors.toSet());
        if (capture.nftRuleset() != null) {
            FirewallRuleset nft = NftRulesetParser.parse(capture.nftRuleset());
            List<Table> fresh = nft.tables().stream().filter(t -> !seen.contains(t.label())).toList();
            parts.add(new FirewallRuleset(fresh, nft.notes(), nft.problems(), List.of()));
        }
        parts.add(new FirewallRuleset(List.of(), List.of(), List.of(), capture.missing()));
        return FirewallRuleset.merge(parts);
    }
}

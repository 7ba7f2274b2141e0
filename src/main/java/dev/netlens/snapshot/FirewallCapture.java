package dev.netlens.snapshot;

import java.util.List;

/**
 * The host's firewall as its tools printed it, kept raw for the firewall panel.
 *
 * @param iptablesSave output of {@code iptables-save}, or null when it could not be read
 * @param ip6tablesSave output of {@code ip6tables-save}, or null
 * @param nftRuleset output of {@code nft -j list ruleset} (JSON text), or null
 * @param missing why a part could not be read
 */
public record FirewallCapture(String iptablesSave, String ip6tablesSave, String nftRuleset, List<String> missing) {
    public FirewallCapture {
        missing = Lists.copy(missing);
    }

    public static FirewallCapture unavailable(String reason) {
        return new FirewallCapture(null, null, null, List.of(reason));
    }
}

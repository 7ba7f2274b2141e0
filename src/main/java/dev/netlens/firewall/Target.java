package dev.netlens.firewall;

import java.util.List;

/**
 * What a rule does when it matches: {@code -j DNAT --to-destination 172.17.0.2:80},
 * {@code -g DOCKER-INGRESS}, an nft verdict or NAT statement mapped to the same names.
 *
 * @param name ACCEPT, DROP, RETURN, DNAT, MASQUERADE, a chain name... empty when the rule has none
 * @param args the target's own options, verbatim tokens in order
 * @param goTo true for {@code -g}/nft {@code goto}: no return to the calling chain
 */
public record Target(String name, List<String> args, boolean goTo) {
    /** nft verdict maps ({@code oifname vmap @map}) use this name; args are key, then key/verdict pairs. */
    public static final String VMAP = "VMAP";

    private static final Target NONE = new Target("", List.of(), false);

    public Target {
        args = List.copyOf(args);
    }

    public static Target none() {
        return NONE;
    }

    public static Target of(String name, String... args) {
        return new Target(name, List.of(args), false);
    }

    public boolean isNone() {
        return name.isEmpty();
    }

    /** The value after an option such as {@code --to-destination}; null when absent. */
    public String option(String option) {
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** True for the verdicts and targets built into the kernel, false for a user chain. */
    public boolean isBuiltinTarget() {
        return BUILTIN.contains(name);
    }

    private static final java.util.Set<String> BUILTIN = java.util.Set.of(
            "ACCEPT", "DROP", "RETURN", "REJECT", "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "LOG",
            "MARK", "CONNMARK", "CT", "NOTRACK", "TPROXY", "TCPMSS", "NFLOG", "NFQUEUE", "CHECKSUM",
            "CONTINUE", "QUEUE", "TRACE", "NETMAP", "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "AUDIT",
            "SET", "SECMARK", "CONNSECMARK", "IDLETIMER", "LED", "RATEEST", "TEE", "ULOG", VMAP);
}

package dev.netlens.firewall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells Docker's chains and rules from the rest. No single release's chain list is taken as the
 * truth: a chain is Docker's by Docker's naming ({@code DOCKER}, {@code DOCKER-*}, which covers
 * 20-27's isolation stages and 28's DOCKER-FORWARD family alike, and whatever comes next) or by
 * living in a Docker nft table ({@code docker-bridges} and any {@code docker*} table). Rules in
 * other chains count as Docker's when they hand traffic to a Docker chain or concern a bridge or
 * subnet that Docker's own chains name (the FORWARD jumps, POSTROUTING MASQUERADE, raw DROPs).
 */
public final class DockerChains {
    /** Which shapes of Docker's rules are present; more than one after an upgrade or a backend switch. */
    public enum Style {
        /** DOCKER-ISOLATION-STAGE-1/2 chains: Docker 20 to 27. */
        ISOLATION_STAGES,
        /** DOCKER-FORWARD and its sub-chains: Docker 28 on, iptables backend. */
        FORWARD_CHAIN,
        /** Rules in nft tables of Docker's own: Docker 29 on, nftables backend. */
        NFTABLES
    }

    private final FirewallRuleset ruleset;
    private final Set<String> interfaces = new LinkedHashSet<>();
    private final List<IpNet> subnets = new ArrayList<>();

    private DockerChains(FirewallRuleset ruleset) {
        this.ruleset = ruleset;
        learn();
    }

    public static DockerChains of(FirewallRuleset ruleset) {
        return new DockerChains(ruleset);
    }

    public static boolean isDockerTable(Table table) {
        return table.name().startsWith("docker");
    }

    /** By name alone: {@code DOCKER} or {@code DOCKER-anything}. */
    public static boolean isDockerChainName(String name) {
        return name.equals("DOCKER") || name.startsWith("DOCKER-");
    }

    public boolean isDockerChain(Chain chain) {
        Table t = ruleset.table(chain.family(), chain.table());
        return (t != null && isDockerTable(t)) || isDockerChainName(chain.name());
    }

    /** A rule in a Docker chain, or one Docker added elsewhere. */
    public boolean isDockerRule(Rule rule) {
        Chain c = ruleset.chainOf(rule);
        if (c != null && isDockerChain(c)) {
            return true;
        }
        if (isDockerChainName(rule.target().name())) {
            return true;
        }
        boolean namesBridge = Stream.concat(rule.matches("-i"), rule.matches("-o"))
                .flatMap(m -> m.values().stream()).anyMatch(interfaces::contains);
        boolean namesSubnet = Stream.concat(rule.matches("-s"), rule.matches("-d"))
                .flatMap(m -> m.values().stream()).map(IpNet::parseOrNull)
                .anyMatch(n -> n != null && n.prefix() > 0 && subnets.stream().anyMatch(s -> s.contains(n)));
        return namesBridge || namesSubnet;
    }

    /** Interfaces Docker's chains name: its bridges ({@code docker0}, {@code br-*}, user-named ones). */
    public Set<String> interfaces() {
        return Set.copyOf(interfaces);
    }

    /** The bridge subnets Docker masquerades. */
    public List<IpNet> subnets() {
        return List.copyOf(subnets);
    }

    public Set<Style> styles() {
        Set<Style> out = EnumSet.noneOf(Style.class);
        ruleset.tables().forEach(t -> {
            if (isDockerTable(t) && !t.chains().isEmpty()) {
                out.add(Style.NFTABLES);
            }
            t.chains().forEach(c -> {
                if (c.name().startsWith("DOCKER-ISOLATION-STAGE-")) {
                    out.add(Style.ISOLATION_STAGES);
                } else if (c.name().equals("DOCKER-FORWARD")) {
                    out.add(Style.FORWARD_CHAIN);
                }
            });
        });
        return out;
    }

    /** Docker's tables first, then tables holding Docker chains or rules, then the rest; stable otherwise. */
    public List<Table> orderedTables() {
        return ruleset.tables().stream().sorted(Comparator.comparingInt(this::tableRank)).toList();
    }

    /** Docker's chains first, then chains holding Docker rules (FORWARD, POSTROUTING...), then the rest. */
    public List<Chain> orderedChains(Table table) {
        return table.chains().stream().sorted(Comparator.comparingInt(this::chainRank)).toList();
    }

    /** Rules Docker added outside its own chains. */
    public List<Rule> rulesElsewhere() {
        return ruleset.chains().filter(c -> !isDockerChain(c))
                .flatMap(c -> c.rules().stream()).filter(this::isDockerRule).toList();
    }

    private int tableRank(Table t) {
        if (isDockerTable(t)) {
            return 0;
        }
        return t.chains().stream().anyMatch(c -> chainRank(c) < 2) ? 1 : 2;
    }

    private int chainRank(Chain c) {
        if (isDockerChain(c)) {
            return 0;
        }
        return c.rules().stream().anyMatch(this::isDockerRule) ? 1 : 2;
    }

    /** Collects the bridges Docker's chains name, then the subnets masqueraded for them. */
    private void learn() {
        ruleset.chains().filter(this::isDockerChain).flatMap(c -> c.rules().stream()).forEach(r -> {
            Stream.concat(r.matches("-i"), r.matches("-o")).flatMap(m -> m.values().stream())
                    .filter(n -> !n.equals("lo")).forEach(interfaces::add);
            if (r.target().name().equals(Target.VMAP)) {
                List<String> a = r.target().args();
                for (int i = 1; i < a.size(); i += 2) {
                    interfaces.add(a.get(i));
                }
            }
        });
        ruleset.rules().filter(r -> r.target().name().equals("MASQUERADE")).forEach(r -> {
            boolean forBridge = r.matches("-o").anyMatch(m -> m.values().stream().anyMatch(interfaces::contains));
            if (forBridge) {
                r.matches("-s").filter(m -> !m.negated()).flatMap(m -> m.values().stream())
                        .map(IpNet::parseOrNull).filter(n -> n != null && n.prefix() > 0).forEach(subnets::add);
            }
        });
    }
}

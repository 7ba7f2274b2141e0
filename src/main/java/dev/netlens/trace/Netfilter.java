package dev.netlens.trace;

import dev.netlens.firewall.Chain;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.Rule;
import dev.netlens.firewall.RuleMatcher;
import dev.netlens.firewall.Table;
import dev.netlens.firewall.Target;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a packet through one host's captured rules at one hook: iptables tables in their priority order
 * (raw, mangle, nat, filter, security) and nft base chains by priority, jumps, gotos and returns,
 * until a verdict. NAT chains see only NEW packets. A match it cannot evaluate ends the walk with
 * {@link NetfilterResult.Outcome#UNKNOWN} and the reason, never a guess.
 *
 * <p>An ACCEPT (a rule's or a policy's) ends one base chain: the next table or base chain at the same
 * hook still sees the packet. DROP and REJECT end the hook. At equal priority iptables' tables are
 * taken before nft's base chains (the kernel orders those by registration, which the capture does not show).
 */
public final class Netfilter {
    /** Jumps deeper than this are a loop (iptables refuses loops; a hand-made capture might have one). */
    private static final int MAX_DEPTH = 64;
    /** Targets that only log, mark or count: the rule after them is tried next. */
    private static final Set<String> CONTINUING = Set.of("LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "TCPMSS",
            "CHECKSUM", "TRACE", "AUDIT", "SECMARK", "CONNSECMARK", "CLASSIFY", "DSCP", "TOS", "TTL", "HL",
            "IDLETIMER", "LED", "RATEEST", "SET", "CONTINUE");

    private final FirewallRuleset rules;
    private final Map<String, List<String>> sets;
    private final RuleConditions conditions;
    /** Chains one of whose lines the parser could not read: walking them would be a guess. */
    private final Set<String> chainsWithUnreadRules;

    /**
     * @param sets members of the ipsets and nft sets the rules name, by set name (prefixes and
     *     addresses), where the caller knows them (Docker 27's docker-ext-bridges-v4 holds its bridges' subnets)
     */
    public Netfilter(FirewallRuleset rules, Map<String, List<String>> sets) {
        this.rules = rules;
        this.sets = Map.copyOf(sets);
        this.conditions = new RuleConditions(this.sets);
        this.chainsWithUnreadRules = rules.problems().stream()
                .map(p -> p.line().strip().replaceFirst("^\\[\\d+:\\d+\\]\\s+", ""))
                .filter(l -> l.startsWith("-A ") || l.startsWith("--append "))
                .map(l -> l.split("\\s+"))
                .filter(w -> w.length > 1)
                .map(w -> w[1])
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @return the outcome with every chain step. {@code deciding} is the rule that ended the last base chain
     *     (its ACCEPT, a NAT target, or the DROP/REJECT), or, for UNKNOWN, the rule that could not be
     *     evaluated; a policy leaves it null and names the chain. After a DNAT the packet keeps its
     *     {@code destinationLocal}: whether the new address is the host's is for the caller's routing to say.
     */
    public NetfilterResult traverse(Hook hook, Packet packet) {
        List<BaseChain> bases = baseChains(hook);
        Walk walk = new Walk(packet);
        if (bases.isEmpty() && !rules.missing().isEmpty()) {
            walk.unknown = "the firewall rules were not read: " + String.join("; ", rules.missing());
            return walk.result(NetfilterResult.Outcome.UNKNOWN);
        }
        boolean natDone = false;
        for (BaseChain base : bases) {
            // The kernel asks nat chains only for a connection's first packet, and only until one binds it.
            if (base.nat() && (packet.state() != CtState.NEW || natDone)) {
                continue;
            }
            NetfilterResult.Outcome end = new ChainWalk(base, walk).run();
            if (end != NetfilterResult.Outcome.ACCEPT) {
                return walk.result(end);
            }
            natDone |= base.nat() && walk.natApplied;
        }
        return walk.result(NetfilterResult.Outcome.ACCEPT);
    }

    /** One hook's entry point: an iptables built-in chain or an nft base chain. */
    private record BaseChain(Table table, Chain chain, int priority, boolean nat, boolean viaNftCompat) {
    }

    /** The base chains at a hook, by priority; nft's copies of iptables' own tables are left to iptables. */
    private List<BaseChain> baseChains(Hook hook) {
        Set<String> iptablesTables = rules.tables().stream().filter(t -> t.source() == Table.Source.IPTABLES)
                .map(Table::label).collect(Collectors.toSet());
        List<BaseChain> out = new ArrayList<>();
        for (Table t : rules.tables()) {
            if (t.source() == Table.Source.IPTABLES) {
                Integer prio = iptablesPriority(t.name(), hook);
                Chain c = t.chain(hook.name());
                if (t.family().equals("ip") && prio != null && c != null && c.builtin()) {
                    out.add(new BaseChain(t, c, prio, t.name().equals("nat"), false));
                }
            } else if ((t.family().equals("ip") || t.family().equals("inet")) && !iptablesTables.contains(t.label())) {
                boolean compat = IPTABLES_TABLES.contains(t.name()) && t.family().equals("ip");
                for (Chain c : t.chains()) {
                    if (c.builtin() && hook.name().toLowerCase(Locale.ROOT).equals(c.hook())) {
                        int prio = c.priority() == null ? 0 : c.priority();
                        out.add(new BaseChain(t, c, prio, "nat".equals(c.type()), compat));
                    }
                }
            }
        }
        // Stable: iptables' tables were added in capture order and come first at a tie.
        out.sort(Comparator.comparingInt((BaseChain b) -> b.priority())
                .thenComparingInt(b -> b.table().source() == Table.Source.IPTABLES ? 0 : 1));
        return out;
    }

    private static final Set<String> IPTABLES_TABLES = Set.of("raw", "mangle", "nat", "filter", "security");

    /** The kernel's priorities for iptables' tables; null where the table has no chain at that hook. */
    private static Integer iptablesPriority(String table, Hook hook) {
        return switch (table) {
            case "raw" -> hook == Hook.PREROUTING || hook == Hook.OUTPUT ? -300 : null;
            case "mangle" -> -150;
            case "nat" -> switch (hook) {
                case PREROUTING, OUTPUT -> -100;
                case INPUT, POSTROUTING -> 100;
                case FORWARD -> null;
            };
            case "filter" -> hook == Hook.PREROUTING || hook == Hook.POSTROUTING ? null : 0;
            case "security" -> hook == Hook.PREROUTING || hook == Hook.POSTROUTING ? null : 50;
            default -> null;
        };
    }

    /** What one traverse has gathered so far. */
    private static final class Walk {
        Packet packet;
        final List<ChainStep> steps = new ArrayList<>();
        Rule deciding;
        String decidingChain;
        boolean masquerade;
        boolean natApplied;
        String unknown;

        Walk(Packet packet) {
            this.packet = packet;
        }

        void step(Chain chain, Rule rule, String action) {
            steps.add(new ChainStep(chain.family(), chain.table(), chain.name(), rule, action));
        }

        /** The verdict of a rule: an ACCEPT is remembered as the latest, a DROP or REJECT as the last. */
        void decidedBy(Rule rule) {
            deciding = rule;
            decidingChain = null;
        }

        void decidedByPolicy(Chain chain) {
            deciding = null;
            decidingChain = chain.name();
        }

        NetfilterResult result(NetfilterResult.Outcome outcome) {
            return new NetfilterResult(outcome, packet, steps, deciding, decidingChain, masquerade, unknown);
        }
    }

    /** A chain being walked and the index of the next rule to try. */
    private static final class Frame {
        final Chain chain;
        int next;

        Frame(Chain chain) {
            this.chain = chain;
        }
    }

    /** One base chain's walk, with the user chains it jumps to, until it accepts, drops, or cannot say. */
    private final class ChainWalk {
        private final BaseChain base;
        private final Walk walk;
        private final Deque<Frame> stack = new ArrayDeque<>();

        ChainWalk(BaseChain base, Walk walk) {
            this.base = base;
            this.walk = walk;
        }

        NetfilterResult.Outcome run() {
            walk.natApplied = false;
            NetfilterResult.Outcome entered = enter(base.chain(), null);
            if (entered != null) {
                return entered;
            }
            while (true) {
                Frame f = stack.peek();
                if (f.next >= f.chain.rules().size()) {
                    NetfilterResult.Outcome end = fallOff(f);
                    if (end != null) {
                        return end;
                    }
                    continue;
                }
                Rule rule = f.chain.rules().get(f.next++);
                RuleConditions.Answer a = conditions.evaluate(rule, walk.packet, base.viaNftCompat());
                if (a.isUnknown()) {
                    return unknown(f.chain, rule, "rule " + rule.id() + " (" + rule.raw() + "): " + a.unknown());
                }
                if (a.matches()) {
                    NetfilterResult.Outcome end = act(f.chain, rule, rule.target());
                    if (end != null) {
                        return end;
                    }
                }
            }
        }

        /** @return null to go on with the next rule (of whichever chain is now on top), else how the base chain ended */
        private NetfilterResult.Outcome act(Chain chain, Rule rule, Target t) {
            String name = t.name();
            if (t.isNone() || CONTINUING.contains(name)) {
                return null;
            }
            if (name.equals(Target.VMAP)) {
                return verdictMap(chain, rule, t);
            }
            switch (name) {
                case "ACCEPT" -> {
                    walk.step(chain, rule, "ACCEPT");
                    walk.decidedBy(rule);
                    return NetfilterResult.Outcome.ACCEPT;
                }
                case "DROP", "REJECT" -> {
                    walk.step(chain, rule, name);
                    walk.decidedBy(rule);
                    return NetfilterResult.Outcome.valueOf(name);
                }
                case "RETURN" -> {
                    walk.step(chain, rule, "RETURN");
                    return leave();
                }
                case "DNAT", "SNAT", "MASQUERADE", "REDIRECT" -> {
                    return nat(chain, rule, t);
                }
                default -> {
                    if (t.isBuiltinTarget()) {
                        return unknown(chain, rule, "target " + name + " of rule " + rule.id() + " is not evaluated");
                    }
                    walk.step(chain, rule, t.goTo() ? "goto " + name : name);
                    if (t.goTo()) {
                        stack.pop();
                    }
                    return enter(tableChain(name), rule);
                }
            }
        }

        /** {@code oifname vmap @map}: the element for the packet's interface gives the verdict; none, the next rule. */
        private NetfilterResult.Outcome verdictMap(Chain chain, Rule rule, Target t) {
            List<String> a = t.args();
            String key = a.isEmpty() ? "" : a.get(0);
            String iface = switch (key) {
                case "iifname", "iif" -> walk.packet.inInterface();
                case "oifname", "oif" -> walk.packet.outInterface();
                default -> null;
            };
            if (iface == null && !key.endsWith("ifname") && !key.equals("iif") && !key.equals("oif")) {
                return unknown(chain, rule, "verdict map keyed by '" + key + "' in rule " + rule.id() + " is not evaluated");
            }
            if (a.size() < 2) {
                return unknown(chain, rule, "the elements of the verdict map in rule " + rule.id() + " are not known");
            }
            for (int i = 1; i + 1 < a.size(); i += 2) {
                if (iface != null && RuleMatcher.interfaceMatches(a.get(i), iface)) {
                    String[] verdict = a.get(i + 1).split(" ", 2);
                    String word = verdict[0].toLowerCase(Locale.ROOT);
                    String to = verdict.length > 1 ? verdict[1] : "";
                    Target picked = switch (word) {
                        case "jump" -> new Target(to, List.of(), false);
                        case "goto" -> new Target(to, List.of(), true);
                        default -> Target.of(word.toUpperCase(Locale.ROOT));
                    };
                    return act(chain, rule, picked);
                }
            }
            return null;
        }

        /** Applies a NAT target; in a nat chain it binds the connection and ends the chain like an ACCEPT. */
        private NetfilterResult.Outcome nat(Chain chain, Rule rule, Target t) {
            if (!base.nat()) {
                return unknown(chain, rule, t.name() + " outside a nat chain in rule " + rule.id());
            }
            NatRewrite.Result r = NatRewrite.apply(t, walk.packet);
            if (r.unknown() != null) {
                return unknown(chain, rule, r.unknown() + " in rule " + rule.id());
            }
            walk.packet = r.packet();
            walk.masquerade |= r.masquerade();
            walk.natApplied = true;
            walk.step(chain, rule, r.action());
            walk.decidedBy(rule);
            return NetfilterResult.Outcome.ACCEPT;
        }

        /** The end of a chain: a user chain returns, the base chain's policy decides. */
        private NetfilterResult.Outcome fallOff(Frame f) {
            if (f.chain == base.chain()) {
                return policy();
            }
            walk.step(f.chain, null, "RETURN");
            return leave();
        }

        /** A return: back to the caller, or to the base chain's policy when there is none. */
        private NetfilterResult.Outcome leave() {
            Frame left = stack.pop();
            if (left.chain == base.chain() || stack.isEmpty()) {
                return policy();
            }
            return null;
        }

        private NetfilterResult.Outcome policy() {
            Chain c = base.chain();
            String policy = c.policy() == null ? "ACCEPT" : c.policy().toUpperCase(Locale.ROOT);
            walk.step(c, null, policy);
            walk.decidedByPolicy(c);
            return switch (policy) {
                case "ACCEPT" -> NetfilterResult.Outcome.ACCEPT;
                case "DROP" -> NetfilterResult.Outcome.DROP;
                default -> {
                    walk.unknown = "policy " + policy + " of chain " + c.name() + " is not evaluated";
                    yield NetfilterResult.Outcome.UNKNOWN;
                }
            };
        }

        /** @return null once entered; UNKNOWN when the chain is missing, half-read, or the jumps loop */
        private NetfilterResult.Outcome enter(Chain chain, Rule from) {
            if (chain == null) {
                return unknownAfter(from, "rule " + from.id() + " jumps to chain " + from.target().name()
                        + ", which the capture does not have");
            }
            if (stack.size() >= MAX_DEPTH) {
                return unknownAfter(from, "jumps nest deeper than " + MAX_DEPTH + " chains at " + chain.name());
            }
            if (base.table().source() == Table.Source.IPTABLES && chainsWithUnreadRules.contains(chain.name())) {
                walk.step(chain, null, "UNKNOWN");
                walk.unknown = "a rule of chain " + chain.name() + " could not be read";
                return NetfilterResult.Outcome.UNKNOWN;
            }
            stack.push(new Frame(chain));
            return null;
        }

        private Chain tableChain(String name) {
            return base.table().chain(name);
        }

        private NetfilterResult.Outcome unknown(Chain chain, Rule rule, String why) {
            walk.step(chain, rule, "UNKNOWN");
            walk.decidedBy(rule);
            walk.unknown = why;
            return NetfilterResult.Outcome.UNKNOWN;
        }

        private NetfilterResult.Outcome unknownAfter(Rule from, String why) {
            walk.decidedBy(from);
            walk.unknown = why;
            return NetfilterResult.Outcome.UNKNOWN;
        }
    }
}

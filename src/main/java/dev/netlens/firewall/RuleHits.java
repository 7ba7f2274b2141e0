package dev.netlens.firewall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each rule's packet counter remembered at one moment (the firewall panel's "Count from now"), to tell
 * which rules matched packets since: the before/after of a problem the user reproduces.
 *
 * <p>Rules are known by {@link Rule#id()} (family, table, chain, place). A rule found at that place
 * with other conditions or another target is another rule (one was inserted or deleted above it): it
 * has no count since. A counter lower than remembered was restarted (the rule replaced, or
 * {@code iptables -Z}): all its packets came after the mark.
 */
public final class RuleHits {
    private record Mark(List<Match> matches, Target target, long packets) {
    }

    private final Map<String, Mark> marks;

    private RuleHits(Map<String, Mark> marks) {
        this.marks = Map.copyOf(marks);
    }

    /** The counters of every rule that has them, as they are in this ruleset. */
    public static RuleHits mark(FirewallRuleset ruleset) {
        Map<String, Mark> marks = new HashMap<>();
        ruleset.rules().filter(r -> r.counters() != null)
                .forEach(r -> marks.put(r.id(), new Mark(r.matches(), r.target(), r.counters().packets())));
        return new RuleHits(marks);
    }

    /** How many rules were remembered: none when the capture had no counters. */
    public int size() {
        return marks.size();
    }

    /** Packets the rule matched since the mark; null when it has no counters or was not there then. */
    public Long packetsSince(Rule rule) {
        Mark m = marks.get(rule.id());
        if (m == null || rule.counters() == null || !m.matches().equals(rule.matches()) || !m.target().equals(rule.target())) {
            return null;
        }
        long now = rule.counters().packets();
        return now >= m.packets() ? now - m.packets() : now;
    }

    /** Whether the rule matched any packet since the mark. */
    public boolean rose(Rule rule) {
        Long since = packetsSince(rule);
        return since != null && since > 0;
    }
}

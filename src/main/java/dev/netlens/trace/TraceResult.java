package dev.netlens.trace;

import dev.netlens.i18n.Message;
import java.util.List;

/**
 * A computed trace: what the captured state says happens to one packet (and, for a delivered tcp or
 * icmp packet, its reply). Nothing was sent to compute it.
 *
 * @param from the source as given on the command line or picked in the window
 * @param to the destination as given (without port and protocol)
 * @param port the destination port, or null (icmp)
 * @param reason the verdict in one sentence
 * @param decidingRule the firewall rule (or policy) that decided, or null when none did
 * @param hops in order
 */
public record TraceResult(String from, String to, Protocol protocol, Integer port, Verdict verdict, Message reason,
        RuleRef decidingRule, List<Hop> hops) {
    public static final String SCHEMA = "netlens.trace/v1";

    public TraceResult {
        hops = List.copyOf(hops);
    }
}

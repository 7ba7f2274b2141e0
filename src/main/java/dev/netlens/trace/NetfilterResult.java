package dev.netlens.trace;

import dev.netlens.firewall.Rule;
import java.util.List;

/**
 * What one hook did to a packet.
 *
 * @param packet the packet as it leaves the hook (DNAT applied at PREROUTING/OUTPUT; at POSTROUTING the
 *     source rewritten by SNAT; MASQUERADE leaves the source unchanged and names itself in
 *     {@code masquerade}, since the address is the out interface's, which the caller knows)
 * @param steps every chain traversed, in order, with how it left it
 * @param deciding the rule whose verdict ended the hook (DROP, REJECT, or the last ACCEPT), or null
 *     when a chain's policy decided (then {@code decidingChain} names the chain) or nothing decided
 * @param unknownReason why the hook could not be evaluated (an unknown match module), else null
 */
public record NetfilterResult(Outcome outcome, Packet packet, List<ChainStep> steps, Rule deciding,
        String decidingChain, boolean masquerade, String unknownReason) {
    public enum Outcome { ACCEPT, DROP, REJECT, UNKNOWN }

    public NetfilterResult {
        steps = List.copyOf(steps);
    }
}

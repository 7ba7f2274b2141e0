package dev.netlens.drivers;

import dev.netlens.i18n.Message;
import dev.netlens.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a driver's live facts into lines for its card, unrendered so a language switch is cheap. */
public final class FactLines {
    private static final Texts T = Bundle.TEXTS;

    private FactLines() {
    }

    /** @param multiHost whether to name the host beside each network and give per-host usage */
    public static List<Message> of(DriverFacts facts, boolean multiHost) {
        List<Message> lines = new ArrayList<>();
        if (facts.networks() == 0 && facts.containers() == 0) {
            lines.add(T.message("fact.none", facts.driver().key()));
            return lines;
        }
        lines.add(T.message("fact.usage.total", facts.networks(), facts.containers(), facts.running()));
        if (multiHost) {
            facts.hosts().stream().filter(h -> h.networks() > 0 || h.containers() > 0).forEach(h ->
                    lines.add(T.message("fact.usage.host", h.hostName(), h.networks(), h.containers(), h.running())));
        }
        // host and none have one built-in network per engine: nothing per network to tell.
        if (facts.driver() != Driver.HOST && facts.driver() != Driver.NONE) {
            facts.networkFacts().forEach(n -> network(lines, n, multiHost));
        }
        return lines;
    }

    private static void network(List<Message> lines, NetworkFacts n, boolean multiHost) {
        String label = multiHost ? n.name() + " (" + n.hostName() + ")" : n.name();
        if (n.defaultBridge()) {
            lines.add(T.message("fact.network.defaultBridge", label));
        }
        mtu(lines, n, label);
        if (n.icc() != null) {
            lines.add(T.message(n.icc() ? "fact.network.iccOn" : "fact.network.iccOff", label));
        }
        if (n.internal()) {
            lines.add(T.message("fact.network.internal", label));
        } else if (n.masquerade() != null) {
            lines.add(T.message(n.masquerade() ? "fact.network.masqOn" : "fact.network.masqOff", label));
        }
        if (n.mode() != null) {
            lines.add(T.message("fact.network.parent", label, n.device() == null ? "?" : n.device(), n.mode()));
        }
        if (n.vni() != null) {
            lines.add(T.message("fact.network.vni", label, n.vni(), n.vxlanPort()));
        }
        if (!n.remotePeers().isEmpty()) {
            lines.add(T.message("fact.network.peers", label, String.join(", ", n.remotePeers())));
        }
    }

    private static void mtu(List<Message> lines, NetworkFacts n, String label) {
        List<Integer> inside = n.endpointMtus();
        String insideText = inside.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (n.deviceMtu() == null) {
            lines.add(inside.isEmpty() ? T.message("fact.network.mtuUnknown", label)
                    : T.message("fact.network.mtuEndpoints", label, insideText));
        } else if (inside.isEmpty()) {
            lines.add(T.message("fact.network.mtu", label, n.deviceMtu(), n.device()));
        } else if (inside.equals(List.of(n.deviceMtu()))) {
            lines.add(T.message("fact.network.mtuAll", label, n.deviceMtu(), n.device()));
        } else {
            // A container MTU unlike its bridge's is worth a teacher's remark: larger packets get dropped.
            lines.add(T.message("fact.network.mtuMixed", label, n.deviceMtu(), n.device(), insideText));
        }
    }
}

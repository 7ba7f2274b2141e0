package dev.netlens.ui.trace;

import dev.netlens.i18n.Texts;
import dev.netlens.trace.Hop;
import dev.netlens.trace.HopKind;
import dev.netlens.trace.Protocol;
import dev.netlens.trace.RuleRef;
import dev.netlens.trace.TraceArgumentException;
import dev.netlens.trace.TraceResult;
import dev.netlens.trace.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made traces on the lab snapshot (src/test/resources/snapshots/lab.json), in the shape the
 * tracer gives them, for testing the window apart from the tracer.
 */
public final class TraceResults {
    public static final String HOST = "host-2973bdca";
    public static final String HOST_NS = HOST + "/ns/host";
    /** lab-user-a's namespace and eth0 (172.19.0.2 on lab-user, bridge br-678ee52577bb). */
    public static final String USER_A_NS = HOST + "/ns/f8b90e788b3b";
    public static final String USER_A_ETH0 = USER_A_NS + "/eth0";
    public static final String USER_A_VETH = HOST_NS + "/vethf58daf3";
    public static final String LAB_USER_BRIDGE = HOST_NS + "/br-678ee52577bb";
    /** lab-user-b's namespace and its lab-user leg. */
    public static final String USER_B_NS = HOST + "/ns/d267612a3f9c";
    public static final String USER_B_VETH = HOST_NS + "/veth91e1ed7";
    public static final String USER_B_ETH0 = USER_B_NS + "/eth0";
    public static final String DOCKER0 = HOST_NS + "/docker0";
    /** The rule that drops lab-user to docker0 (Docker's isolation between bridge networks). */
    public static final String ISOLATION_DROP = "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP";
    public static final String ISOLATION_DROP_ID = "ip/filter/DOCKER-ISOLATION-STAGE-2#4";

    private static final Texts TEXTS = new Texts("dev.netlens.ui.trace.testhops");

    private TraceResults() {
    }

    /** lab-user-a to lab-user-b on the same bridge: delivered, no rule decides but the bridge's FORWARD accept. */
    public static TraceResult sameBridge(String from, String to) {
        List<Hop> hops = new ArrayList<>();
        hops.add(hop(1, HopKind.ROUTE, USER_A_NS, USER_A_ETH0, "172.19.0.0/16 dev eth0", "lab-user-a routes it out of eth0"));
        hops.add(hop(2, HopKind.VETH, HOST_NS, USER_A_VETH, "cross to vethf58daf3", "through the veth pair to the host"));
        hops.add(hop(3, HopKind.BRIDGE, HOST_NS, LAB_USER_BRIDGE, "forward to port veth91e1ed7", "the bridge forwards it"));
        hops.add(new Hop(4, HopKind.NETFILTER, HOST, HOST_NS, null, "filter", "FORWARD",
                "-A FORWARD -i br-678ee52577bb -o br-678ee52577bb -j ACCEPT", "ip/filter/FORWARD#14", "ACCEPT",
                TEXTS.message("note", "br_netfilter: FORWARD accepts traffic within the bridge")));
        hops.add(hop(5, HopKind.VETH, USER_B_NS, USER_B_VETH, "cross to eth0", "through lab-user-b's veth pair"));
        hops.add(hop(6, HopKind.SOCKET, USER_B_NS, USER_B_ETH0, "deliver", "arrives at lab-user-b"));
        return new TraceResult(from, to, Protocol.ICMP, null, Verdict.DELIVERED,
                TEXTS.message("reason", "lab-user-b receives it"), null, hops);
    }

    /** lab-user-a to lab-bridge-a (another bridge network): dropped by Docker's isolation rule. */
    public static TraceResult acrossBridges(String from, String to) {
        List<Hop> hops = new ArrayList<>();
        hops.add(hop(1, HopKind.ROUTE, USER_A_NS, USER_A_ETH0, "via 172.19.0.1 dev eth0", "lab-user-a sends it to its gateway"));
        hops.add(hop(2, HopKind.VETH, HOST_NS, USER_A_VETH, "cross to vethf58daf3", "through the veth pair to the host"));
        hops.add(hop(3, HopKind.BRIDGE, HOST_NS, LAB_USER_BRIDGE, "up to the bridge", "the bridge hands it to the host"));
        hops.add(hop(4, HopKind.ROUTE, HOST_NS, DOCKER0, "172.17.0.0/16 dev docker0", "the host routes it to docker0"));
        hops.add(new Hop(5, HopKind.NETFILTER, HOST, HOST_NS, null, "filter", "DOCKER-ISOLATION-STAGE-1",
                "-A DOCKER-ISOLATION-STAGE-1 -i br-678ee52577bb ! -o br-678ee52577bb -j DOCKER-ISOLATION-STAGE-2",
                "ip/filter/DOCKER-ISOLATION-STAGE-1#4", "DOCKER-ISOLATION-STAGE-2", TEXTS.message("note", "leaving lab-user")));
        hops.add(new Hop(6, HopKind.NETFILTER, HOST, HOST_NS, null, "filter", "DOCKER-ISOLATION-STAGE-2", ISOLATION_DROP,
                ISOLATION_DROP_ID, "DROP", TEXTS.message("note", "isolation between bridge networks drops it")));
        return new TraceResult(from, to, Protocol.TCP, 80, Verdict.DROPPED,
                TEXTS.message("reason", "Docker isolates bridge networks from one another"),
                new RuleRef(HOST, "filter", "DOCKER-ISOLATION-STAGE-2", ISOLATION_DROP, 4, ISOLATION_DROP_ID), hops);
    }

    private static Hop hop(int i, HopKind kind, String ns, String iface, String action, String note) {
        return new Hop(i, kind, HOST, ns, iface, null, null, null, null, action, TEXTS.message("note", note));
    }

    /**
     * A stand-in tracer: lab-user-b as the destination traces {@link #sameBridge}, anything else
     * {@link #acrossBridges}; a name starting with "gone" does not exist.
     */
    public static TraceViewModel.TraceFunction fake() {
        return (snapshot, from, to) -> {
            if (to.startsWith("gone") || snapshot.containers().stream().noneMatch(c -> c.name().equals(from))) {
                throw new TraceArgumentException("no container, address or name " + (to.startsWith("gone") ? to : from));
            }
            return to.startsWith("lab-user-b") ? sameBridge(from, to) : acrossBridges(from, to);
        };
    }
}

package dev.netlens.trace;

import static dev.netlens.trace.TraceLab.ALIAS;
import static dev.netlens.trace.TraceLab.CLIENT_ADDRESS;
import static dev.netlens.trace.TraceLab.HOST_VETH_ADDRESS;
import static dev.netlens.trace.TraceLab.MEMBER_PORT;
import static dev.netlens.trace.TraceLab.PORT;
import static dev.netlens.trace.TraceLab.PUBLISHED_PORT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One packet of the matrix: who sends it (a container, or the client namespace when {@code fromContainer}
 * is null), where real traffic sends it, how the tracer is asked about the same packet, and where Docker
 * is known to deliver it.
 *
 * @param port the tcp port, or null for a ping
 * @param probeTo the address or DNS name the real probe uses
 * @param traceFrom the tracer's {@code from}
 * @param traceTo the tracer's {@code to}, with {@code :PORT} for tcp
 * @param fate what Docker does with it (checked against real traffic before any prediction is)
 */
record TraceCase(String name, String fromContainer, Integer port, Function<TraceLab, String> probeTo,
        Function<TraceLab, String> traceFrom, Function<TraceLab, String> traceTo, Fate fate) {

    /** What happens to the packet on a Docker 20.10 host. */
    enum Fate {
        /** It gets there (and its answer back). */
        REACHES,
        /** A firewall rule or a chain's policy drops it. */
        FIREWALL_DROPS,
        /** No route for it on the way (in the sender, or in a host it passes). */
        NO_ROUTE
    }

    boolean reaches() {
        return fate == Fate.REACHES;
    }

    @Override
    public String toString() {
        return name;
    }

    static List<TraceCase> matrix() {
        List<TraceCase> m = new ArrayList<>();
        m.add(ping("same bridge (ping)", "trace-a", "trace-b", Fate.REACHES));
        m.add(tcp("same bridge (tcp)", "trace-a", "trace-b", PORT, Fate.REACHES));
        m.add(ping("across two bridges: isolated", "trace-a", "trace-c", Fate.FIREWALL_DROPS));
        m.add(new TraceCase("alias on a user network as destination", "trace-a", PORT, lab -> ALIAS,
                lab -> "trace-a", lab -> ALIAS + ":" + PORT, Fate.REACHES));
        m.add(ping("container: member as source", "trace-m", "trace-a", Fate.REACHES));
        // trace-m lives in trace-b's namespace: real traffic goes to trace-b's address.
        m.add(new TraceCase("container: member as destination", "trace-a", MEMBER_PORT, lab -> lab.address("trace-b"),
                lab -> "trace-a", lab -> "trace-m:" + MEMBER_PORT, Fate.REACHES));
        m.add(ping("internal network, inside", "trace-i1", "trace-i2", Fate.REACHES));
        m.add(ping("internal network, to outside", "trace-i1", "trace-a", Fate.FIREWALL_DROPS));
        m.add(ping("internal network, from outside", "trace-a", "trace-i1", Fate.FIREWALL_DROPS));
        m.add(ping("enable_icc=false", "trace-n1", "trace-n2", Fate.FIREWALL_DROPS));
        m.add(tcp("DOCKER-USER DROP", "trace-f1", "trace-f2", PORT, Fate.FIREWALL_DROPS));
        m.add(ping("none-mode container as source", "trace-none", "trace-a", Fate.NO_ROUTE));
        m.add(ping("overlay across nodes (ping)", "trace-o1", "trace-o2", Fate.REACHES));
        m.add(tcp("overlay across nodes (tcp, from node2)", "trace-o2", "trace-o1", PORT, Fate.REACHES));
        m.add(new TraceCase("client namespace to a published port", null, PUBLISHED_PORT, lab -> HOST_VETH_ADDRESS,
                lab -> CLIENT_ADDRESS, lab -> HOST_VETH_ADDRESS + ":" + PUBLISHED_PORT, Fate.REACHES));
        m.add(new TraceCase("client namespace to an unpublished container address", null, null,
                lab -> lab.address("trace-p"), lab -> CLIENT_ADDRESS, lab -> lab.address("trace-p"), Fate.FIREWALL_DROPS));
        // Beyond the list: the classic confusions, each still only between our own ends.
        m.add(ping("DOCKER-USER drops the reply", "trace-f2", "trace-f1", Fate.FIREWALL_DROPS));
        m.add(ping("client namespace pings the host", null, HOST_VETH_ADDRESS, Fate.REACHES));
        m.add(ping("container to the client namespace (masquerade)", "trace-a", CLIENT_ADDRESS, Fate.REACHES));
        // Docker's nat DOCKER chain returns packets from its bridges before any DNAT: they go to INPUT, where
        // the userland proxy listens, so isolation between the bridges does not stop them.
        m.add(tcp("published port from another bridge (userland proxy, not isolated)", "trace-c", HOST_VETH_ADDRESS,
                PUBLISHED_PORT, Fate.REACHES));
        m.add(ping("overlay container to a bridge container (docker_gwbridge)", "trace-o1", "trace-a", Fate.FIREWALL_DROPS));
        m.add(ping("node2 bridge container to engine 1's container: no route", "trace-n2b", "trace-a", Fate.NO_ROUTE));
        return m;
    }

    /** @param from a container, or null for the client namespace; @param to a container or an address */
    private static TraceCase ping(String name, String from, String to, Fate fate) {
        return new TraceCase(name, from, null, lab -> addressOf(lab, to), lab -> from == null ? CLIENT_ADDRESS : from,
                lab -> to, fate);
    }

    private static TraceCase tcp(String name, String from, String to, int port, Fate fate) {
        return new TraceCase(name, from, port, lab -> addressOf(lab, to), lab -> from == null ? CLIENT_ADDRESS : from,
                lab -> to + ":" + port, fate);
    }

    private static String addressOf(TraceLab lab, String containerOrAddress) {
        return Character.isDigit(containerOrAddress.charAt(0)) ? containerOrAddress : lab.address(containerOrAddress);
    }
}

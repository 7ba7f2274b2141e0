package dev.netlens.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.Route;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The usernet-portmap scenario of moby's iptablesdoc (a user bridge {@code bridge1} 192.0.2.0/24 whose
 * container 192.0.2.2 publishes 8080 -> 80, beside docker0) traced under Docker 27's, 28's and 29's rules,
 * and routes as discovery now captures them.
 */
class TracerDockerRulesTest {
    private static TestHost scenario() {
        return new TestHost("100.64.5.2/24")
                .bridge("bridge", "docker0", "172.17.0.0/16", "172.17.0.1/16", false, Map.of())
                .bridge("bridge1", "bridge1", "192.0.2.0/24", "192.0.2.1/24", false, Map.of())
                .container("web", "bridge1", "192.0.2.2/24", new PortMapping("0.0.0.0", 8080, 80, "tcp"))
                .container("other", "bridge1", "192.0.2.3/24")
                .container("legacy", "bridge", "172.17.0.2/16")
                .sysctl("net.bridge.bridge-nf-call-iptables", "1")
                .sysctl("net.ipv4.ip_forward", "1");
    }

    private static Tracer iptables(String generation) {
        return new Tracer(scenario().iptables(NetfilterFixtures.resource("firewall/" + generation
                + "-usernet-portmap.iptables-save")).snapshot());
    }

    private static String text(TraceResult t) {
        return TraceText.render(t, Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anOutsideClientReachesThePublishedPortThroughForward(String generation) {
        TraceResult t = iptables(generation).trace("203.0.113.9", "host:8080");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertEquals("-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT",
                t.decidingRule().rule());
        assertTrue(t.hops().stream().anyMatch(h -> h.kind() == HopKind.NAT && h.rule().contains("192.0.2.2:80")));
        assertTrue(t.hops().stream().anyMatch(h -> "INPUT".equals(h.chain()) && "not traversed".equals(h.action())));
        assertEquals(TestHost.nsOf("web"), t.hops().stream().filter(h -> h.kind() == HopKind.SOCKET).findFirst()
                .orElseThrow().namespace());
    }

    @Test
    void docker27sIpsetHoldsTheBridgeSubnets() {
        // Without docker-ext-bridges-v4's members the DOCKER chain would never be reached.
        TraceResult t = iptables("docker27").trace("203.0.113.9", "host:8080");
        assertTrue(t.hops().stream().anyMatch(h -> h.rule() != null && h.rule().contains("--match-set docker-ext-bridges-v4 dst -j DOCKER")),
                text(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void theContainersAddressIsClosedToOtherNetworksInRaw(String generation) {
        // Published-port hardening: raw PREROUTING drops packets for 192.0.2.2:80 not coming from bridge1.
        TraceResult t = iptables(generation).trace("legacy", "web:80");
        assertEquals(Verdict.DROPPED, t.verdict(), text(t));
        assertEquals("raw", t.decidingRule().table());
        assertEquals("PREROUTING", t.decidingRule().chain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anotherBridgeCannotReachAnUnpublishedPort(String generation) {
        TraceResult t = iptables(generation).trace("legacy", "web:81");
        assertEquals(Verdict.DROPPED, t.verdict(), text(t));
        // Docker 27 isolates the bridges in FORWARD; Docker 28 already closes the whole address in raw.
        assertEquals("docker27".equals(generation) ? "DOCKER-ISOLATION-STAGE-2" : "PREROUTING", t.decidingRule().chain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void twoContainersOfOneBridgeTalk(String generation) {
        TraceResult t = iptables(generation).trace("other", "web:81");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertEquals("-A " + ("docker27".equals(generation) ? "FORWARD" : "DOCKER-FORWARD") + " -i bridge1 -j ACCEPT",
                t.decidingRule().rule());
    }

    @Test
    void docker29sNftablesRulesAreFollowedToo() {
        Tracer tracer = new Tracer(scenario().nft(NetfilterFixtures.resource("firewall/docker29-usernet-portmap.json"))
                .snapshot());
        TraceResult in = tracer.trace("203.0.113.9", "host:8080");
        assertNotEquals(Verdict.UNKNOWN, in.verdict(), text(in));
        assertEquals(Verdict.DELIVERED, in.verdict(), text(in));
        TraceResult unpublished = tracer.trace("legacy", "web:81");
        assertEquals(Verdict.DROPPED, unpublished.verdict(), text(unpublished));
    }

    @Test
    void capturedRoutesAreLookedUpByLongestPrefixThenMetric() {
        Route connected = new Route("192.0.2.0/24", null, TestHost.nsOf("legacy") + "/eth0", "eth0", "172.17.0.2", "link",
                null, null);
        Tracer tracer = new Tracer(scenario()
                .iptables(NetfilterFixtures.resource("firewall/docker28-usernet-portmap.iptables-save"))
                .routes("legacy",
                        new Route("default", "172.17.0.1", TestHost.nsOf("legacy") + "/eth0", "eth0", null, null, null, null),
                        new Route("172.17.0.0/16", null, TestHost.nsOf("legacy") + "/eth0", "eth0", "172.17.0.2", "link",
                                null, null),
                        new Route("198.51.100.0/24", null, null, null, null, null, "blackhole", null),
                        new Route("203.0.113.0/24", "172.17.0.1", TestHost.nsOf("legacy") + "/eth0", "eth0", null, null,
                                null, 200),
                        new Route("203.0.113.0/24", "172.17.0.254", TestHost.nsOf("legacy") + "/eth0", "eth0", null, null,
                                null, 100),
                        connected)
                .snapshot());
        TraceResult blackhole = tracer.trace("legacy", "198.51.100.7");
        assertEquals(Verdict.UNREACHABLE, blackhole.verdict(), text(blackhole));
        assertTrue(blackhole.reason().in(Locale.ENGLISH).contains("blackhole"));
        TraceResult metric = tracer.trace("legacy", "203.0.113.7");
        assertTrue(metric.hops().get(0).action().contains("via 172.17.0.254"), metric.hops().get(0).action());
        assertFalse(metric.hops().get(0).note().in(Locale.ENGLISH).contains("derived"));
        // 192.0.2.0/24 is "on link" here (a route a user added): the packet goes out eth0 straight for 192.0.2.2,
        // and no bridge port of docker0 leads there.
        TraceResult onLink = tracer.trace("legacy", "web");
        assertEquals(Verdict.UNREACHABLE, onLink.verdict(), text(onLink));
        assertEquals("route 192.0.2.0/24 dev eth0", onLink.hops().get(0).action());
    }

    @Test
    void withoutCapturedRoutesTheRouteHopSaysTheyWereDerived() {
        TraceResult t = iptables("docker28").trace("legacy", "203.0.113.7");
        assertTrue(t.hops().get(0).note().in(Locale.ENGLISH).contains("derived"), text(t));
        assertTrue(t.hops().get(0).action().contains("via 172.17.0.1"));
    }
}

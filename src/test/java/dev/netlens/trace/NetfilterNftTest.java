package dev.netlens.trace;

import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.NftRulesetParser;
import dev.netlens.trace.NetfilterResult.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.netlens.trace.NetfilterFixtures.resource;
import static dev.netlens.trace.NetfilterFixtures.tcp;
import static dev.netlens.trace.NetfilterFixtures.tcpToHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Docker 29's nftables backend: tables {@code ip docker-bridges} / {@code ip6 docker-bridges} for the
 * usernet-portmap scenario (docker0 172.17.0.0/16, bridge1 192.0.2.0/24, 192.0.2.2 publishing 8080->80),
 * plus an unrelated {@code inet host-filter} table. The fixture (src/test/resources/firewall/
 * docker29-usernet-portmap.json) was written from moby's nftablesdoc and Docker's "Docker with nftables"
 * page, loaded with {@code nft -f} in a throwaway namespace and listed with {@code nft -j list ruleset},
 * so the JSON is nft's own; the .nft beside it is the readable form.
 */
class NetfilterNftTest {
    private static final FirewallRuleset DOCKER29 =
            NftRulesetParser.parse(resource("firewall/docker29-usernet-portmap.json"));
    private static final Netfilter NETFILTER = new Netfilter(DOCKER29, Map.of());

    private static List<String> chains(NetfilterResult r) {
        return r.steps().stream().map(s -> s.family() + " " + s.table() + " " + s.chain() + " -> " + s.action()).toList();
    }

    @Test
    void publishedPortIsDnattedThroughTheNatPreroutingBaseChain() {
        NetfilterResult r = NETFILTER.traverse(Hook.PREROUTING, tcpToHost("198.51.100.7", "203.0.113.10", 8080, "eth0"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("192.0.2.2", r.packet().destination());
        assertEquals(80, r.packet().destinationPort());
        assertEquals(List.of(
                "ip docker-bridges raw-PREROUTING -> ACCEPT",
                "ip docker-bridges nat-PREROUTING -> nat-prerouting-and-output",
                "ip docker-bridges nat-prerouting-and-output -> DNAT to 192.0.2.2:80"), chains(r));
        assertEquals("DNAT", r.deciding().comment());
    }

    @Test
    void forwardingToThePublishedPortIsAcceptedInTheBridgesInChainReachedByTheVerdictMap() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                tcp("198.51.100.7", "192.0.2.2", 80, "eth0", "bridge1", CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals(List.of(
                "ip docker-bridges filter-FORWARD -> filter-forward-in__bridge1",
                "ip docker-bridges filter-forward-in__bridge1 -> ACCEPT"), chains(r));
        assertTrue(r.deciding().raw().startsWith("ip daddr 192.0.2.2 tcp dport 80"), r.deciding().raw());
    }

    @Test
    void anotherBridgesContainerIsDroppedAsAnUnpublishedPort() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                tcp("172.17.0.2", "192.0.2.2", 5000, "docker0", "bridge1", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("UNPUBLISHED PORT DROP", r.deciding().comment());
    }

    @Test
    void containersOfOneBridgeTalkThroughTheIccRule() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                NetfilterFixtures.bridged("192.0.2.3", "192.0.2.2", 5000, "bridge1", "veth3", "veth2"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("ICC", r.deciding().comment());
    }

    @Test
    void anEstablishedReplyIsAcceptedByTheCtStateRule() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                tcp("203.0.113.50", "172.17.0.2", 40000, "eth0", "docker0", CtState.ESTABLISHED));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertTrue(r.deciding().raw().startsWith("ct state established,related"), r.deciding().raw());
    }

    @Test
    void aContainerGoingOutIsMasqueradedThroughThePostroutingMap() {
        NetfilterResult r = NETFILTER.traverse(Hook.POSTROUTING,
                tcp("172.17.0.2", "203.0.113.50", 443, "docker0", "eth0", CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertTrue(r.masquerade());
        assertEquals("MASQUERADE", r.deciding().comment());
    }

    @Test
    void theHostsOwnInetTableDecidesAtInputByRuleRejectAndPolicy() {
        NetfilterResult ssh = NETFILTER.traverse(Hook.INPUT, tcpToHost("198.51.100.7", "203.0.113.10", 22, "eth0"));
        NetfilterResult smtp = NETFILTER.traverse(Hook.INPUT, tcpToHost("198.51.100.7", "203.0.113.10", 25, "eth0"));
        NetfilterResult other = NETFILTER.traverse(Hook.INPUT, tcpToHost("198.51.100.7", "203.0.113.10", 23, "eth0"));
        NetfilterResult dns = NETFILTER.traverse(Hook.INPUT, new Packet(Protocol.UDP, "198.51.100.7", 40000,
                "203.0.113.10", 5353, "eth0", null, null, null, CtState.NEW, true, false));

        assertEquals(Outcome.ACCEPT, ssh.outcome());
        assertEquals(Outcome.REJECT, smtp.outcome());
        assertEquals(Outcome.ACCEPT, dns.outcome());
        // The chain's own "return" hands the packet to its policy.
        assertEquals(Outcome.DROP, other.outcome());
        assertNull(other.deciding());
        assertEquals("input", other.decidingChain());
        assertEquals("inet host-filter input -> DROP", chains(other).get(chains(other).size() - 1));
    }

    @Test
    void theIpv6TableIsNotConsultedForAnIpv4Packet() {
        NetfilterResult r = NETFILTER.traverse(Hook.POSTROUTING,
                tcp("172.17.0.2", "203.0.113.50", 443, "bridge6", "eth0", CtState.NEW));

        assertTrue(r.steps().stream().noneMatch(s -> s.family().equals("ip6")), chains(r).toString());
    }
}

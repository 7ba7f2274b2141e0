package dev.netlens.trace;

import dev.netlens.firewall.FirewallCaptureParser;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.IptablesParser;
import dev.netlens.firewall.NftRulesetParser;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.trace.NetfilterResult.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.netlens.trace.NetfilterFixtures.bridged;
import static dev.netlens.trace.NetfilterFixtures.resource;
import static dev.netlens.trace.NetfilterFixtures.tcp;
import static dev.netlens.trace.NetfilterFixtures.tcpToHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the walk goes, on small hand-made rule sets: order of tables, jumps, gotos, returns, matches, NAT, unknowns. */
class NetfilterSemanticsTest {
    private static Netfilter netfilter(String iptablesSave) {
        FirewallRuleset rules = IptablesParser.parse(iptablesSave);
        assertEquals(List.of(), rules.problems());
        return new Netfilter(rules, Map.of());
    }

    private static List<String> chains(NetfilterResult r) {
        return r.steps().stream().map(s -> s.table() + " " + s.chain() + " -> " + s.action()).toList();
    }

    private static Packet ping(CtState state) {
        return new Packet(Protocol.ICMP, "10.1.0.2", null, "10.2.0.2", null, "eth1", "eth2", null, null, state,
                false, false);
    }

    @Test
    void aDnatAtOutputIsWhatTheFilterTableSeesAfterIt() {
        Netfilter nf = netfilter("""
                *filter
                :OUTPUT ACCEPT [0:0]
                -A OUTPUT -d 10.9.9.9/32 -p tcp -m tcp --dport 8080 -j DROP
                COMMIT
                *nat
                :OUTPUT ACCEPT [0:0]
                -A OUTPUT -d 10.0.0.1/32 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.9.9.9:8080
                COMMIT
                """);
        Packet p = new Packet(Protocol.TCP, "10.0.0.5", 40000, "10.0.0.1", 80, null, "eth0", null, null,
                CtState.NEW, false, true);

        NetfilterResult r = nf.traverse(Hook.OUTPUT, p);

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals(List.of("nat OUTPUT -> DNAT to 10.9.9.9:8080", "filter OUTPUT -> DROP"), chains(r));
        assertEquals("10.9.9.9", r.packet().destination());
    }

    @Test
    void anAcceptInOneTableStillLeavesTheNextTableToDecide() {
        Netfilter nf = netfilter("""
                *mangle
                :FORWARD ACCEPT [0:0]
                -A FORWARD -j ACCEPT
                COMMIT
                *filter
                :FORWARD DROP [0:0]
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals(List.of("mangle FORWARD -> ACCEPT", "filter FORWARD -> DROP"), chains(r));
        assertNull(r.deciding());
        assertEquals("FORWARD", r.decidingChain());
    }

    @Test
    void aGotoReturnsToTheChainThatJumpedNotToTheOneThatWent() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD DROP [0:0]
                :A - [0:0]
                :B - [0:0]
                -A FORWARD -j A
                -A FORWARD -j ACCEPT
                -A A -g B
                -A A -j DROP
                -A B -s 192.0.2.0/24 -j DROP
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals(List.of("filter FORWARD -> A", "filter A -> goto B", "filter B -> RETURN", "filter FORWARD -> ACCEPT"),
                chains(r));
        assertEquals("-A FORWARD -j ACCEPT", r.deciding().raw());
    }

    @Test
    void aReturnFromABuiltInChainMeetsItsPolicy() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD DROP [0:0]
                -A FORWARD -j RETURN
                -A FORWARD -j ACCEPT
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals(List.of("filter FORWARD -> RETURN", "filter FORWARD -> DROP"), chains(r));
        assertEquals("FORWARD", r.decidingChain());
    }

    @Test
    void logAndMarkTargetsLetTheNextRuleDecide() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD ACCEPT [0:0]
                -A FORWARD -j LOG --log-prefix "fwd: "
                -A FORWARD -j MARK --set-mark 0x1
                -A FORWARD -j REJECT --reject-with icmp-port-unreachable
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.REJECT, r.outcome());
        assertEquals(List.of("filter FORWARD -> REJECT"), chains(r));
    }

    @Test
    void aJumpToAChainTheCaptureLacksIsUnknown() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD ACCEPT [0:0]
                -A FORWARD -j ELSEWHERE
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("ELSEWHERE"), r.unknownReason());
    }

    @Test
    void jumpsThatLoopAreUnknownInsteadOfEndless() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD ACCEPT [0:0]
                :A - [0:0]
                :B - [0:0]
                -A FORWARD -j A
                -A A -j B
                -A B -j A
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("deeper"), r.unknownReason());
    }

    @Test
    void aChainWithALineTheParserCouldNotReadIsUnknown() {
        FirewallRuleset rules = IptablesParser.parse("""
                *filter
                :FORWARD ACCEPT [0:0]
                :DOCKER-USER - [0:0]
                -A FORWARD -j DOCKER-USER
                -A DOCKER-USER -s -j DROP
                COMMIT
                """);

        NetfilterResult r = new Netfilter(rules, Map.of()).traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("DOCKER-USER"), r.unknownReason());
    }

    @Test
    void rulesThatWereNotReadAtAllAreUnknownWithTheReason() {
        NetfilterResult r = new Netfilter(FirewallRuleset.unreadable("iptables-save needs root"), Map.of())
                .traverse(Hook.FORWARD, ping(CtState.NEW));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("iptables-save needs root"), r.unknownReason());
    }

    @Test
    void multiportPhysdevWildcardsAndNegatedPrefixesAreEvaluated() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD ACCEPT [0:0]
                -A FORWARD -p tcp -m multiport --dports 22,8000:8100 -j DROP
                -A FORWARD -m physdev --physdev-in vethbad+ --physdev-is-bridged -j DROP
                -A FORWARD ! -s 10.0.0.0/8 -i eth+ -j REJECT
                COMMIT
                """);

        assertEquals(Outcome.DROP, nf.traverse(Hook.FORWARD, tcp("10.1.0.2", "10.2.0.2", 8050, "eth1", "eth2", CtState.NEW)).outcome());
        assertEquals(Outcome.ACCEPT, nf.traverse(Hook.FORWARD, tcp("10.1.0.2", "10.2.0.2", 9000, "eth1", "eth2", CtState.NEW)).outcome());
        assertEquals(Outcome.DROP, nf.traverse(Hook.FORWARD,
                bridged("10.1.0.2", "10.1.0.3", 80, "br0", "vethbad1", "vethgood")).outcome());
        assertEquals(Outcome.ACCEPT, nf.traverse(Hook.FORWARD,
                bridged("10.1.0.2", "10.1.0.3", 80, "br0", "vethgood", "vethbad1")).outcome());
        assertEquals(Outcome.REJECT, nf.traverse(Hook.FORWARD, tcp("172.16.0.2", "10.2.0.2", 80, "eth1", "eth2", CtState.NEW)).outcome());
        assertEquals(Outcome.ACCEPT, nf.traverse(Hook.FORWARD, tcp("172.16.0.2", "10.2.0.2", 80, "wlan0", "eth2", CtState.NEW)).outcome());
    }

    @Test
    void aPingIsAnEchoRequestAndItsReplyAnEchoReply() {
        Netfilter nf = netfilter("""
                *filter
                :FORWARD ACCEPT [0:0]
                -A FORWARD -p icmp -m icmp --icmp-type 8 -j DROP
                -A FORWARD -p icmp -m icmp --icmp-type echo-reply -j REJECT
                COMMIT
                """);

        assertEquals(Outcome.DROP, nf.traverse(Hook.FORWARD, ping(CtState.NEW)).outcome());
        assertEquals(Outcome.REJECT, nf.traverse(Hook.FORWARD, ping(CtState.ESTABLISHED)).outcome());
        assertEquals(Outcome.UNKNOWN, nf.traverse(Hook.FORWARD, ping(CtState.RELATED)).outcome());
    }

    @Test
    void anAddressSetTheCallerKnowsIsMatchedByItsMembers() {
        FirewallRuleset rules = IptablesParser.parse("""
                *filter
                :INPUT ACCEPT [0:0]
                -A INPUT -m set --match-set blocked src -j DROP
                COMMIT
                """);
        Netfilter nf = new Netfilter(rules, Map.of("blocked", List.of("198.51.100.0/24", "203.0.113.9")));

        assertEquals(Outcome.DROP, nf.traverse(Hook.INPUT, tcpToHost("198.51.100.7", "10.0.0.1", 22, "eth0")).outcome());
        assertEquals(Outcome.DROP, nf.traverse(Hook.INPUT, tcpToHost("203.0.113.9", "10.0.0.1", 22, "eth0")).outcome());
        assertEquals(Outcome.ACCEPT, nf.traverse(Hook.INPUT, tcpToHost("203.0.113.10", "10.0.0.1", 22, "eth0")).outcome());
    }

    @Test
    void addressTypesOtherThanLocalAreUnknown() {
        Netfilter nf = netfilter("""
                *filter
                :INPUT ACCEPT [0:0]
                -A INPUT -m addrtype --dst-type BROADCAST -j DROP
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.INPUT, tcpToHost("10.0.0.7", "10.0.0.1", 22, "eth0"));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("BROADCAST"), r.unknownReason());
    }

    @Test
    void redirectMakesTheDestinationThisHostAndSaysSo() {
        Netfilter nf = netfilter("""
                *nat
                :PREROUTING ACCEPT [0:0]
                -A PREROUTING -i eth1 -p tcp -m tcp --dport 80 -j REDIRECT --to-ports 3128
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.PREROUTING, tcp("10.1.0.2", "93.184.216.34", 80, "eth1", null, CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertTrue(r.packet().destinationLocal());
        assertEquals(3128, r.packet().destinationPort());
        assertTrue(r.steps().get(0).action().contains("this host"), r.steps().get(0).action());
    }

    @Test
    void snatRewritesTheSource() {
        Netfilter nf = netfilter("""
                *nat
                :POSTROUTING ACCEPT [0:0]
                -A POSTROUTING -s 10.1.0.0/16 -o eth2 -j SNAT --to-source 198.18.0.1
                COMMIT
                """);

        NetfilterResult r = nf.traverse(Hook.POSTROUTING, tcp("10.1.0.2", "10.2.0.2", 80, "eth1", "eth2", CtState.NEW));

        assertEquals("198.18.0.1", r.packet().source());
        assertFalse(r.masquerade());
        assertEquals("SNAT to 198.18.0.1", r.steps().get(0).action());
    }

    @Test
    void onceOneNatChainBindsTheConnectionLaterNatChainsAtThatHookAreSkipped() {
        FirewallRuleset iptables = IptablesParser.parse("""
                *nat
                :PREROUTING ACCEPT [0:0]
                -A PREROUTING -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.9.9.9
                COMMIT
                """);
        FirewallRuleset nft = NftRulesetParser.parse("""
                {"nftables": [
                 {"table": {"family": "ip", "name": "extra"}},
                 {"chain": {"family": "ip", "table": "extra", "name": "pre", "type": "nat", "hook": "prerouting",
                   "prio": -50, "policy": "accept"}},
                 {"chain": {"family": "ip", "table": "extra", "name": "late-filter", "type": "filter", "hook": "prerouting",
                   "prio": 10, "policy": "accept"}},
                 {"rule": {"family": "ip", "table": "extra", "chain": "pre", "expr": [
                   {"dnat": {"addr": "10.8.8.8"}}]}},
                 {"rule": {"family": "ip", "table": "extra", "chain": "late-filter", "expr": [
                   {"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": "10.9.9.9"}},
                   {"counter": {"packets": 0, "bytes": 0}}, {"drop": null}]}}
                ]}
                """);
        Netfilter nf = new Netfilter(FirewallRuleset.merge(List.of(iptables, nft)), Map.of());

        NetfilterResult r = nf.traverse(Hook.PREROUTING, tcp("10.1.0.2", "10.0.0.1", 80, "eth1", null, CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals(List.of("nat PREROUTING -> DNAT to 10.9.9.9", "extra late-filter -> DROP"), chains(r));
        assertEquals(80, r.packet().destinationPort());
    }

    @Test
    void withoutIptablesSaveNftsViewOfIptablesNftRulesIsUnknownWhereItHidesOptions() {
        FirewallRuleset nftOnly = FirewallCaptureParser.read(new FirewallCapture(null, null,
                resource("trace/docker20-lab-now.nft.json"), List.of("iptables-save: not found")));

        NetfilterResult r = new Netfilter(nftOnly, Map.of()).traverse(Hook.FORWARD,
                tcp("198.51.100.7", "172.17.0.2", 80, "eth0", "docker0", CtState.NEW));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("conntrack"), r.unknownReason());
    }
}

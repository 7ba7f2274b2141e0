package dev.netlens.trace;

import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.IptablesParser;
import dev.netlens.firewall.Rule;
import dev.netlens.trace.NetfilterResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.netlens.trace.NetfilterFixtures.bridged;
import static dev.netlens.trace.NetfilterFixtures.docker;
import static dev.netlens.trace.NetfilterFixtures.tcp;
import static dev.netlens.trace.NetfilterFixtures.tcpToHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Docker 27's and 28's own rules (moby's iptablesdoc scenarios) replayed: usernet-portmap has docker0
 * (172.17.0.0/16) and the user bridge bridge1 (192.0.2.0/24) whose container 192.0.2.2 publishes 8080->80.
 * The host's outside interface is called eth0 here, its address 203.0.113.10, a client 198.51.100.7.
 */
class NetfilterDockerRulesTest {
    /** Docker 27 matches its bridges' subnets through this ipset; its members are the caller's to give. */
    private static final Map<String, List<String>> SETS =
            Map.of("docker-ext-bridges-v4", List.of("192.0.2.0/24", "172.17.0.0/16"));

    private static Netfilter netfilter(String generation, String scenario) {
        return new Netfilter(docker(generation, scenario), SETS);
    }

    private static List<String> chains(NetfilterResult r) {
        return r.steps().stream().map(s -> s.table() + " " + s.chain() + " -> " + s.action()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void publishedPortIsDnattedToTheContainerAtPrerouting(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.PREROUTING, tcpToHost("198.51.100.7", "203.0.113.10", 8080, "eth0"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("192.0.2.2", r.packet().destination());
        assertEquals(80, r.packet().destinationPort());
        assertEquals("198.51.100.7", r.packet().source());
        assertEquals("-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80",
                r.deciding().raw());
        // raw first (its DROP guards the container's own address, not the host's), then nat.
        assertEquals("raw PREROUTING -> ACCEPT", chains(r).get(0));
        assertEquals("nat DOCKER -> DNAT to 192.0.2.2:80", chains(r).get(chains(r).size() - 1));
        assertTrue(chains(r).contains("nat PREROUTING -> DOCKER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void hostProcessReachesThePublishedPortThroughOutputDnat(String generation) {
        Packet fromHost = new Packet(Protocol.TCP, "203.0.113.10", 40000, "203.0.113.10", 8080, null, "lo",
                null, null, CtState.NEW, true, true);

        NetfilterResult r = netfilter(generation, "usernet-portmap").traverse(Hook.OUTPUT, fromHost);

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("192.0.2.2", r.packet().destination());
        assertEquals(80, r.packet().destinationPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void outsideClientAddressingTheContainerDirectlyIsDroppedInRaw(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.PREROUTING, tcp("198.51.100.7", "192.0.2.2", 80, "eth0", null, CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("raw", r.deciding().table());
        assertEquals(1, r.steps().size(), "nothing after a DROP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void forwardingToThePublishedContainerIsAccepted(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.FORWARD, tcp("198.51.100.7", "192.0.2.2", 80, "eth0", "bridge1", CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("DOCKER", r.deciding().chain());
        assertEquals("-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT",
                r.deciding().raw());
        assertEquals("filter FORWARD -> DOCKER-USER", chains(r).get(0));
        assertEquals("filter DOCKER-USER -> RETURN", chains(r).get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anUnpublishedPortOfTheContainerIsDroppedFromOutside(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.FORWARD, tcp("198.51.100.7", "192.0.2.2", 22, "eth0", "bridge1", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("-A DOCKER ! -i bridge1 -o bridge1 -j DROP", r.deciding().raw());
    }

    @Test
    void docker27IsolatesTwoBridgesInItsIsolationStages() {
        NetfilterResult r = netfilter("docker27", "usernet-portmap")
                .traverse(Hook.FORWARD, tcp("192.0.2.2", "172.17.0.2", 80, "bridge1", "docker0", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP", r.deciding().raw());
        assertTrue(chains(r).contains("filter DOCKER-ISOLATION-STAGE-1 -> DOCKER-ISOLATION-STAGE-2"));
    }

    @Test
    void docker28IsolatesTwoBridgesThroughDockerForwardAndDockerBridge() {
        NetfilterResult r = netfilter("docker28", "usernet-portmap")
                .traverse(Hook.FORWARD, tcp("192.0.2.2", "172.17.0.2", 80, "bridge1", "docker0", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("-A DOCKER ! -i docker0 -o docker0 -j DROP", r.deciding().raw());
        assertEquals(List.of("filter FORWARD -> DOCKER-USER", "filter DOCKER-USER -> RETURN",
                "filter FORWARD -> DOCKER-FORWARD", "filter DOCKER-FORWARD -> DOCKER-CT", "filter DOCKER-CT -> RETURN",
                "filter DOCKER-FORWARD -> DOCKER-INTERNAL", "filter DOCKER-INTERNAL -> RETURN",
                "filter DOCKER-FORWARD -> DOCKER-BRIDGE", "filter DOCKER-BRIDGE -> DOCKER", "filter DOCKER -> DROP"),
                chains(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void containersOfOneBridgeTalkWhenIccIsOn(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.FORWARD, bridged("192.0.2.3", "192.0.2.2", 5000, "bridge1", "veth3", "veth2"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals(generation.equals("docker27") ? "-A FORWARD -i bridge1 -j ACCEPT"
                : "-A DOCKER-FORWARD -i bridge1 -j ACCEPT", r.deciding().raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void containersOfOneBridgeAreDroppedWithIccOff(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap-noicc")
                .traverse(Hook.FORWARD, bridged("192.0.2.3", "192.0.2.2", 5000, "bridge1", "veth3", "veth2"));

        assertEquals(Outcome.DROP, r.outcome());
        assertTrue(r.deciding().raw().endsWith("-i bridge1 -o bridge1 -j DROP"), r.deciding().raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anInternalNetworksContainerCannotLeaveIt(String generation) {
        Netfilter nf = new Netfilter(docker(generation, "usernet-internal"),
                Map.of("docker-ext-bridges-v4", List.of("172.17.0.0/16")));

        NetfilterResult r = nf.traverse(Hook.FORWARD,
                tcp("192.0.2.2", "203.0.113.50", 443, "bridgeICC", "eth0", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertTrue(r.deciding().raw().endsWith("! -d 192.0.2.0/24 -i bridgeICC -j DROP"), r.deciding().raw());
        assertEquals(generation.equals("docker27") ? "DOCKER-ISOLATION-STAGE-1" : "DOCKER-INTERNAL",
                r.deciding().chain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anInternalNetworksContainersStillTalkToEachOther(String generation) {
        Netfilter nf = new Netfilter(docker(generation, "usernet-internal"),
                Map.of("docker-ext-bridges-v4", List.of("172.17.0.0/16")));

        NetfilterResult r = nf.traverse(Hook.FORWARD,
                bridged("192.0.2.3", "192.0.2.2", 5000, "bridgeICC", "veth3", "veth2"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertTrue(r.deciding().raw().endsWith("-i bridgeICC -o bridgeICC -j ACCEPT"), r.deciding().raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anEstablishedReplyToAContainerIsAcceptedByItsConntrackRule(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.FORWARD, tcp("203.0.113.50", "172.17.0.2", 40000, "eth0", "docker0", CtState.ESTABLISHED));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals(generation.equals("docker27")
                ? "-A FORWARD -m set --match-set docker-ext-bridges-v4 dst -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
                : "-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", r.deciding().raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void anEstablishedPacketSkipsTheNatChains(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap").traverse(Hook.PREROUTING,
                new Packet(Protocol.TCP, "198.51.100.7", 40000, "203.0.113.10", 8080, "eth0", null, null, null,
                        CtState.ESTABLISHED, true, false));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertTrue(r.steps().stream().noneMatch(s -> s.table().equals("nat")), chains(r).toString());
        assertEquals("203.0.113.10", r.packet().destination());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void aContainerGoingOutIsMasqueraded(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap")
                .traverse(Hook.POSTROUTING, tcp("172.17.0.2", "203.0.113.50", 443, "docker0", "eth0", CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertTrue(r.masquerade());
        assertEquals("172.17.0.2", r.packet().source(), "the caller puts in eth0's address");
        assertEquals("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE", r.deciding().raw());
        assertEquals("MASQUERADE", r.steps().get(r.steps().size() - 1).action());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void aContainerTalkingWithinItsBridgeIsNotMasqueraded(String generation) {
        NetfilterResult r = netfilter(generation, "usernet-portmap").traverse(Hook.POSTROUTING,
                bridged("192.0.2.3", "192.0.2.2", 5000, "bridge1", "veth3", "veth2"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertFalse(r.masquerade());
        assertNull(r.deciding());
        assertEquals("POSTROUTING", r.decidingChain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void aDropAddedToDockerUserDecidesBeforeDockersOwnRules(String generation) {
        // Docker 27 ends DOCKER-USER with its own RETURN, so an admin inserts (-I) above it; 28 leaves it empty.
        String drop = "-A DOCKER-USER -s 198.51.100.0/24 -j DROP";
        FirewallRuleset withDrop = generation.equals("docker27")
                ? docker27WithUserDropFirst(drop) : docker(generation, "usernet-portmap", drop);

        NetfilterResult r = new Netfilter(withDrop, SETS)
                .traverse(Hook.FORWARD, tcp("198.51.100.7", "192.0.2.2", 80, "eth0", "bridge1", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals(drop, r.deciding().raw());
        assertEquals("DOCKER-USER", r.deciding().chain());
    }

    /** Docker 27's filter rules with the admin's DROP placed before DOCKER-USER's RETURN, as -I would. */
    private static FirewallRuleset docker27WithUserDropFirst(String drop) {
        FirewallRuleset plain = docker("docker27", "usernet-portmap");
        String filter = plain.table("ip", "filter").chains().stream()
                .flatMap(c -> c.rules().stream()).map(Rule::raw).map(line ->
                        line.equals("-A DOCKER-USER -j RETURN") ? drop + "\n" + line : line)
                .reduce("", (a, b) -> a + b + "\n");
        String declarations = ":INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:DOCKER - [0:0]\n"
                + ":DOCKER-ISOLATION-STAGE-1 - [0:0]\n:DOCKER-ISOLATION-STAGE-2 - [0:0]\n:DOCKER-USER - [0:0]\n";
        FirewallRuleset f = IptablesParser.parse("*filter\n" + declarations + filter + "COMMIT\n");
        return FirewallRuleset.merge(List.of(
                new FirewallRuleset(plain.tables().stream().filter(t -> !t.name().equals("filter")).toList(),
                        List.of(), List.of(), List.of()), f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker27", "docker28"})
    void aRuleWithAnUnknownModuleMakesTheOutcomeUnknownAndNamesTheModule(String generation) {
        String recent = "-A DOCKER-USER -m recent --name scanners --rcheck -j DROP";
        FirewallRuleset rules = generation.equals("docker27")
                ? docker27WithUserDropFirst(recent) : docker(generation, "usernet-portmap", recent);

        NetfilterResult r = new Netfilter(rules, SETS)
                .traverse(Hook.FORWARD, tcp("198.51.100.7", "192.0.2.2", 80, "eth0", "bridge1", CtState.NEW));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("-m recent"), r.unknownReason());
        assertEquals(recent, r.deciding().raw());
        assertEquals("UNKNOWN", r.steps().get(r.steps().size() - 1).action());
    }

    @Test
    void anUnknownModuleBesideAConditionThatFailsDoesNotMatterForThePacket() {
        String recent = "-A DOCKER-USER -i eth9 -m recent --name scanners --rcheck -j DROP";
        NetfilterResult r = new Netfilter(docker("docker28", "usernet-portmap", recent), SETS)
                .traverse(Hook.FORWARD, tcp("198.51.100.7", "192.0.2.2", 80, "eth0", "bridge1", CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
    }

    @Test
    void docker27sBridgeSetWithoutKnownMembersIsUnknown() {
        NetfilterResult r = new Netfilter(docker("docker27", "usernet-portmap"), Map.of())
                .traverse(Hook.FORWARD, tcp("198.51.100.7", "192.0.2.2", 80, "eth0", "bridge1", CtState.NEW));

        // The conntrack rule with the set fails on its state; the plain set rule cannot be decided.
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.unknownReason().contains("docker-ext-bridges-v4"), r.unknownReason());
        assertEquals("-A FORWARD -m set --match-set docker-ext-bridges-v4 dst -j DOCKER", r.deciding().raw());
    }
}

package dev.netlens.firewall;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleMatcherTest {
    private static final FirewallRuleset LAB = IptablesParser.parse(Fixtures.resource("docker20-lab.iptables-save"));
    private static final RuleMatcher MATCHER = new RuleMatcher(LAB);

    private static Rule rule(String line) {
        return IptablesParser.parse(line + "\n").rules().findFirst().orElseThrow();
    }

    @Test
    void selectingABridgeLightsItsRulesIncludingNegatedGuards() {
        List<String> raws = MATCHER.rulesFor(Selector.ofInterface("docker0")).stream().map(Rule::raw).toList();
        assertTrue(raws.contains("-A FORWARD -o docker0 -j DOCKER"));
        assertTrue(raws.contains("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"));
        assertTrue(raws.contains("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"));
        assertFalse(raws.stream().anyMatch(r -> r.contains("labbr0")));
    }

    @Test
    void wildcardInterfacesMatchByStem() {
        Rule r = rule("-A DOCKER-USER -i eth+ ! -s 192.168.0.0/16 -j DROP");
        assertTrue(RuleMatcher.applies(r, Selector.ofInterface("eth0")));
        assertFalse(RuleMatcher.applies(r, Selector.ofInterface("docker0")));
        assertTrue(RuleMatcher.interfaceMatches("br-*", "br-1a2b"));
        assertFalse(RuleMatcher.interfaceMatches("br-1a2b", "br-1a2"));
    }

    @Test
    void aContainerAddressFindsItsSubnetRulesAndItsDnat() {
        List<String> raws = MATCHER.rulesFor(Selector.ofAddress("172.17.0.2")).stream().map(Rule::raw).toList();
        assertTrue(raws.contains("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"));
        assertTrue(raws.contains("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT"));
        assertTrue(raws.contains("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"));
        assertFalse(raws.contains("-A POSTROUTING -s 172.19.0.0/16 ! -o br-678ee52577bb -j MASQUERADE"));
    }

    @Test
    void aSubnetSelectionOverlapsHostRulesInsideIt() {
        assertTrue(RuleMatcher.applies(rule("-A DOCKER -d 172.17.0.2/32 -j ACCEPT"), Selector.ofAddress("172.17.0.0/16")));
        assertFalse(RuleMatcher.applies(rule("-A DOCKER -d 172.18.0.2/32 -j ACCEPT"), Selector.ofAddress("172.17.0.0/16")));
    }

    @Test
    void catchAllAddressesLinkNothing() {
        assertFalse(RuleMatcher.applies(rule("-A INPUT -s 0.0.0.0/0 -j ACCEPT"), Selector.ofAddress("10.0.0.1")));
    }

    @Test
    void aPublishedPortFindsTheDnatAndTheAcceptByProtocol() {
        List<String> raws = MATCHER.rulesFor(Selector.ofPublishedPort(8080, 80, "tcp")).stream().map(Rule::raw).toList();
        assertEquals(List.of(
                "-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT",
                "-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE",
                "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"), raws);
        assertTrue(MATCHER.rulesFor(Selector.ofPublishedPort(8080, 80, "udp")).isEmpty());
    }

    @Test
    void portRangesAndMultiportListsAreUnderstood() {
        assertTrue(RuleMatcher.applies(rule("-A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT"),
                Selector.empty().withPort(443, "tcp")));
        assertTrue(RuleMatcher.applies(rule("-A INPUT -p udp -m udp --dport 1000:1002 -j ACCEPT"),
                Selector.empty().withPort(1001, "udp")));
    }

    @Test
    void subjectsOfADnatRuleAreItsBridgeContainerAndPorts() {
        Selector s = RuleMatcher.subjectsOf(
                rule("-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80"));
        assertEquals(Set.of("bridge1"), s.interfaces());
        assertEquals(Set.of(IpNet.parse("192.0.2.2")), s.addresses());
        assertEquals(Set.of(new Selector.Port(8080, "tcp"), new Selector.Port(80, "tcp")), s.ports());
    }

    @Test
    void subjectsOfNftRulesIncludeVerdictMapInterfacesAndIpv6Targets() {
        FirewallRuleset rs = NftRulesetParser.parse(Fixtures.resource("docker29-usernet-portmap.json"));
        Selector vmap = RuleMatcher.subjectsOf(rs.table("ip", "docker-bridges").chain("filter-FORWARD").rules().get(0));
        assertEquals(Set.of("docker0", "bridge1"), vmap.interfaces());
        Selector dnat6 = RuleMatcher.subjectsOf(
                rs.table("ip6", "docker-bridges").chain("nat-prerouting-and-output").rules().get(0));
        assertEquals(Set.of(IpNet.parse("fd00:db8::2")), dnat6.addresses());
        assertEquals(Set.of(new Selector.Port(8443, "tcp"), new Selector.Port(443, "tcp")), dnat6.ports());
        List<Rule> forBridge1 = new RuleMatcher(rs).rulesFor(Selector.ofInterface("bridge1"));
        assertTrue(forBridge1.stream().anyMatch(r -> r.chain().equals("raw-PREROUTING")));
        assertTrue(forBridge1.stream().anyMatch(r -> r.target().name().equals(Target.VMAP)));
    }
    @Test
    void aPortSpecNamesPortsInListsRangesAndOpenEnds() {
        assertTrue(RuleMatcher.portMatches("80", 80));
        assertFalse(RuleMatcher.portMatches("80", 8080));
        assertTrue(RuleMatcher.portMatches("22,8000:8100", 8050));
        assertTrue(RuleMatcher.portMatches("1000-1002", 1002));
        assertTrue(RuleMatcher.portMatches(":1023", 22));
        assertFalse(RuleMatcher.portMatches("1024:", 22));
        assertFalse(RuleMatcher.portMatches("http", 80));
    }

    @Test
    void anAddressLiesInSubnetsHostsAndNftRangesAndNothingElseIsAnswered() {
        assertTrue(RuleMatcher.addressMatches("172.17.0.0/16", "172.17.3.4"));
        assertFalse(RuleMatcher.addressMatches("172.17.0.2/32", "172.17.0.3"));
        assertTrue(RuleMatcher.addressMatches("10.0.0.1-10.0.0.9", "10.0.0.5"));
        assertFalse(RuleMatcher.addressMatches("10.0.0.1-10.0.0.9", "10.0.0.10"));
        assertFalse(RuleMatcher.addressMatches("fd00::/64", "10.0.0.1"));
        assertNull(RuleMatcher.addressMatches("@docker-bridges", "10.0.0.1"));
    }
}

package dev.netlens.firewall;

import dev.netlens.snapshot.FirewallCapture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NftRulesetParserTest {
    private static final FirewallRuleset DOCKER29 =
            NftRulesetParser.parse(Fixtures.resource("docker29-usernet-portmap.json"));

    @Test
    void docker29TablesAreReadForBothFamilies() {
        assertEquals(List.of(), DOCKER29.problems());
        assertEquals(List.of("ip docker-bridges", "ip6 docker-bridges", "inet host-filter"),
                DOCKER29.tables().stream().map(Table::label).toList());
        assertTrue(DOCKER29.notes().get(0).startsWith("nft 1.0.6"));
    }

    @Test
    void baseChainsCarryHookPriorityTypeAndPolicy() {
        Table t = DOCKER29.table("ip", "docker-bridges");
        Chain raw = t.chain("raw-PREROUTING");
        assertTrue(raw.builtin());
        assertEquals("prerouting", raw.hook());
        assertEquals(-300, raw.priority());
        assertEquals("filter", raw.type());
        assertEquals("ACCEPT", raw.policy());

        Chain perBridge = t.chain("filter-forward-in__bridge1");
        assertFalse(perBridge.builtin());
        assertNull(perBridge.hook());
        assertEquals("DROP", DOCKER29.table("inet", "host-filter").chain("input").policy());
    }

    @Test
    void dnatRuleBecomesMatchesAndADnatTargetWithAReadableRendering() {
        Rule dnat = DOCKER29.table("ip", "docker-bridges").chain("nat-prerouting-and-output").rules().get(0);

        assertEquals("iifname != \"bridge1\" tcp dport 8080 counter packets 0 bytes 0 dnat to 192.0.2.2:80 comment \"DNAT\"",
                dnat.raw());
        assertTrue(dnat.match("-i").negated());
        assertEquals("bridge1", dnat.match("-i").value());
        assertEquals("tcp", dnat.match("-p").value());
        assertEquals("8080", dnat.match("--dport").value());
        assertEquals("DNAT", dnat.target().name());
        assertEquals("192.0.2.2:80", dnat.target().option("--to-destination"));
        assertEquals(new Counters(0, 0), dnat.counters());
        assertEquals("DNAT", dnat.comment());
    }

    @Test
    void ipv6DnatAddressIsBracketedAndGotoIsKept() {
        Table t = DOCKER29.table("ip6", "docker-bridges");
        Rule dnat = t.chain("nat-prerouting-and-output").rules().get(0);
        assertEquals("[fd00:db8::2]:443", dnat.target().option("--to-destination"));
        Rule gotoRule = t.chain("nat-POSTROUTING").rules().get(0);
        assertTrue(gotoRule.target().goTo());
        assertEquals("nat-postrouting-out__bridge6", gotoRule.target().name());
        assertEquals("fd00:db8::/64", t.chain("nat-postrouting-out__bridge6").rules().get(0).match("-s").value());
    }

    @Test
    void masqueradeConntrackAndVerdictsAreMapped() {
        Table t = DOCKER29.table("ip", "docker-bridges");
        Rule masq = t.chain("nat-postrouting-out__bridge1").rules().get(0);
        assertEquals("MASQUERADE", masq.target().name());
        assertEquals("192.0.2.0/24", masq.match("-s").value());
        assertTrue(masq.match("-o").negated());

        Rule ct = t.chain("filter-forward-in__bridge1").rules().get(0);
        assertEquals("ESTABLISHED,RELATED", ct.match("--ctstate").value());
        assertEquals("ct state established,related counter packets 0 bytes 0 accept", ct.raw());
        assertEquals("ACCEPT", ct.target().name());
        assertEquals("DROP", t.chain("filter-forward-in__bridge1").rules().get(3).target().name());
        assertEquals("LOCAL", t.chain("nat-PREROUTING").rules().get(0).match("--dst-type").value());
    }

    @Test
    void verdictMapsListEachInterfaceAndTheChainItJumpsTo() {
        Rule vmap = DOCKER29.table("ip", "docker-bridges").chain("filter-FORWARD").rules().get(0);
        assertEquals(Target.VMAP, vmap.target().name());
        assertEquals(List.of("oifname", "docker0", "jump filter-forward-in__docker0",
                "bridge1", "jump filter-forward-in__bridge1"), vmap.target().args());
        assertEquals("oifname vmap @filter-forward-in-jumps", vmap.raw());
    }

    @Test
    void setsRejectAndReturnInOtherTablesAreRead() {
        List<Rule> input = DOCKER29.table("inet", "host-filter").chain("input").rules();
        assertEquals(List.of("53", "5353"), input.get(3).match("--dport").values());
        assertEquals("udp dport { 53, 5353 } accept", input.get(3).raw());
        assertEquals("tcp reset", input.get(4).target().option("--reject-with"));
        assertEquals("RETURN", input.get(5).target().name());
    }

    @Test
    void iptablesNftCompatExpressionsAndRealCountersAreRead() {
        FirewallRuleset rs = NftRulesetParser.parse(Fixtures.resource("docker20-lab.iptables-nft.json"));
        assertEquals(List.of(), rs.problems());
        Rule dnat = rs.table("ip", "nat").chain("DOCKER").rules().stream()
                .filter(r -> r.target().name().equals("DNAT")).findFirst().orElseThrow();
        assertEquals("8080", dnat.match("--dport").value());
        assertTrue(rs.rules().anyMatch(r -> r.counters() != null && r.counters().packets() > 0));
    }

    @Test
    void malformedJsonIsAProblemWithItsLineNotAnException() {
        FirewallRuleset rs = NftRulesetParser.parse("{\"nftables\": [\n{\"table\": {\"family\": \"ip\",,}}\n]}");
        assertEquals(1, rs.problems().size());
        assertEquals(2, rs.problems().get(0).lineNumber());
        assertTrue(rs.problems().get(0).message().startsWith("not valid JSON"));
        assertEquals(List.of(), rs.tables());
    }

    @Test
    void jsonThatIsNotNftOutputIsAProblem() {
        FirewallRuleset rs = NftRulesetParser.parse("[1, 2, 3]");
        assertTrue(rs.problems().get(0).message().contains("nftables"));
    }

    @Test
    void aBrokenObjectIsReportedAndTheOthersStillRead() {
        String json = "{\"nftables\": [{\"table\": {\"family\": \"ip\", \"name\": \"t\"}},"
                + "{\"rule\": {\"family\": \"ip\", \"table\": \"t\"}},"
                + "{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": 5}},"
                + "{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", \"expr\": [{\"accept\": null}]}}]}";
        FirewallRuleset rs = NftRulesetParser.parse(json);
        assertEquals(List.of(2, 3), rs.problems().stream().map(ParseProblem::lineNumber).toList());
        assertEquals(1, rs.rules().count());
        assertEquals(4, rs.rules().findFirst().orElseThrow().lineNumber());
    }

    @Test
    void unknownExpressionsAreKeptVerbatim() {
        String json = "{\"nftables\": [{\"rule\": {\"family\": \"ip\", \"table\": \"t\", \"chain\": \"c\", "
                + "\"expr\": [{\"limit\": {\"rate\": 5, \"per\": \"minute\"}}, {\"snat\": {\"addr\": \"10.0.0.1\"}}]}}]}";
        Rule r = NftRulesetParser.parse(json).rules().findFirst().orElseThrow();
        assertEquals("{\"rate\":5,\"per\":\"minute\"}", r.match("limit").value());
        assertEquals("10.0.0.1", r.target().option("--to-source"));
    }

    @Test
    void readerMergesCaptureAndDropsNftCopiesOfIptablesTables() {
        FirewallCapture capture = new FirewallCapture(Fixtures.resource("docker20-lab.iptables-save"), null,
                Fixtures.resource("docker20-lab.iptables-nft.json"), List.of("ip6tables-save: permission denied"));
        FirewallRuleset rs = FirewallCaptureParser.read(capture);
        assertEquals(List.of("ip filter", "ip nat"), rs.tables().stream().map(Table::label).toList());
        assertEquals(Table.Source.IPTABLES, rs.tables().get(0).source());
        assertEquals(List.of("ip6tables-save: permission denied"), rs.missing());

        FirewallRuleset both = FirewallCaptureParser.read(new FirewallCapture(null, null,
                Fixtures.resource("docker29-usernet-portmap.json"), List.of()));
        assertNotNull(both.table("ip6", "docker-bridges"));
        assertEquals(List.of("not root"), FirewallCaptureParser.read(FirewallCapture.unavailable("not root")).missing());
    }
    @Test
    void metaL4protoAsNftWritesItBecomesAProtocolMatch() {
        FirewallRuleset r = NftRulesetParser.parse("""
                {"nftables": [{"rule": {"family": "inet", "table": "t", "chain": "c", "expr": [
                  {"match": {"op": "==", "left": {"meta": {"key": "l4proto"}}, "right": {"set": ["tcp", "udp"]}}},
                  {"accept": null}]}}]}
                """);

        Rule rule = r.rules().findFirst().orElseThrow();
        assertEquals(List.of("tcp", "udp"), rule.match("-p").values());
        assertNull(rule.matches().stream().filter(m -> "nft".equals(m.module())).findFirst().orElse(null));
    }
}

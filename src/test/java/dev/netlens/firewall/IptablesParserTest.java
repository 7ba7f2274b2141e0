package dev.netlens.firewall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IptablesParserTest {

    static Stream<Arguments> everyFixture() {
        return Stream.of("docker27", "docker28").flatMap(g ->
                Fixtures.allRuleFiles(g).stream().map(f -> Arguments.of(g, f)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("everyFixture")
    void everyDockerFixtureParsesWithoutProblemsAndKeepsEveryRule(String generation, String file) {
        String text = Fixtures.rules(generation, file);
        FirewallRuleset rs = Fixtures.parseRules(generation, file);

        assertEquals(List.of(), rs.problems());
        long appendLines = text.lines().filter(l -> l.startsWith("-A ")).count();
        assertEquals(appendLines, rs.rules().count());
        assertEquals(Fixtures.tableOf(file), rs.tables().get(0).name());
        // Every rule prints back to its own line: nothing was lost or reordered.
        rs.rules().forEach(r -> assertEquals(r.raw(), render(r)));
    }

    /** Rebuilds {@code -A CHAIN ...} from the parsed parts. */
    private static String render(Rule r) {
        StringBuilder sb = new StringBuilder("-A ").append(r.chain());
        r.matches().forEach(m -> sb.append(' ').append(m.render()));
        if (!r.target().isNone()) {
            sb.append(r.target().goTo() ? " -g " : " -j ").append(r.target().name());
            r.target().args().forEach(a -> sb.append(' ').append(Tokenizer.quoteIfNeeded(a)));
        }
        return sb.toString();
    }

    @Test
    void theSFormGoesIntoTheDefaultTableWithPoliciesAndUserChains() {
        FirewallRuleset rs = Fixtures.parseRules("docker28", "usernet-portmap.filter.rules");
        Table filter = rs.table("ip", "filter");
        Chain forward = filter.chain("FORWARD");
        assertTrue(forward.builtin());
        assertEquals("ACCEPT", forward.policy());
        Chain ct = filter.chain("DOCKER-CT");
        assertFalse(ct.builtin());
        assertNull(ct.policy());
        assertEquals(List.of("INPUT", "FORWARD", "OUTPUT", "DOCKER", "DOCKER-BRIDGE", "DOCKER-CT",
                "DOCKER-FORWARD", "DOCKER-INTERNAL", "DOCKER-USER"), filter.chains().stream().map(Chain::name).toList());
    }

    @Test
    void dnatRuleKeepsNegatedInterfaceModuleAndTargetOptions() {
        FirewallRuleset rs = Fixtures.parseRules("docker27", "usernet-portmap.nat.rules");
        Rule dnat = rs.table("ip", "nat").chain("DOCKER").rules().get(2);

        assertEquals(3, dnat.position());
        Match in = dnat.match("-i");
        assertTrue(in.negated());
        assertEquals("bridge1", in.value());
        assertEquals("tcp", dnat.match("-p").value());
        Match dport = dnat.match("--dport");
        assertEquals("tcp", dport.module());
        assertEquals("8080", dport.value());
        assertEquals("DNAT", dnat.target().name());
        assertEquals("192.0.2.2:80", dnat.target().option("--to-destination"));
    }

    @Test
    void setAndConntrackMatchesKeepAllTheirValues() {
        FirewallRuleset rs = Fixtures.parseRules("docker27", "usernet-portmap.filter.rules");
        Rule r = rs.table("ip", "filter").chain("FORWARD").rules().get(1);

        Match set = r.match("--match-set");
        assertEquals("set", set.module());
        assertEquals(List.of("docker-ext-bridges-v4", "dst"), set.values());
        assertEquals("RELATED,ESTABLISHED", r.match("--ctstate").value());
        assertEquals("conntrack", r.match("--ctstate").module());
        assertEquals("ACCEPT", r.target().name());
    }

    @Test
    void framedIptablesSaveReadsEveryTableAndKeepsTheNoiseAsNotes() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("docker27-usernet-portmap.iptables-save"));

        assertEquals(List.of(), rs.problems());
        assertEquals(List.of("raw", "nat", "filter"), rs.tables().stream().map(Table::name).toList());
        assertTrue(rs.notes().get(0).startsWith("# Warning: iptables-legacy tables present"));
        assertTrue(rs.notes().stream().anyMatch(n -> n.startsWith("# Completed on")));
        assertEquals(List.of(0L, 0L), List.of(rs.table("ip", "filter").chain("FORWARD").counters().packets(),
                rs.table("ip", "filter").chain("FORWARD").counters().bytes()));
    }

    @Test
    void theRealDocker20CaptureFromThisMachineParsesCompletely() {
        String text = Fixtures.resource("docker20-lab.iptables-save");
        FirewallRuleset rs = IptablesParser.parse(text);

        assertEquals(List.of(), rs.problems());
        assertEquals(text.lines().filter(l -> l.startsWith("-A ")).count(), rs.rules().count());
        assertEquals("DROP", rs.table("ip", "filter").chain("FORWARD").policy());
        assertNotNull(rs.table("ip", "filter").chain("DOCKER-ISOLATION-STAGE-2"));
        assertTrue(rs.table("ip", "nat").chain("DOCKER").rules().stream()
                .anyMatch(r -> "172.17.0.2:80".equals(r.target().option("--to-destination"))));
    }

    @Test
    void bracketCountersBeforeARuleAreRead() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("firewalld-noise.iptables-save"));
        Chain input = rs.table("ip", "filter").chain("INPUT");

        assertEquals(new Counters(1234, 567890), input.counters());
        assertEquals(new Counters(500, 40000), input.rules().get(0).counters());
        assertEquals(new Counters(3, 180), input.rules().get(3).counters());
    }

    @Test
    void theCounterOptionOfIptablesSVerboseIsRead() {
        FirewallRuleset rs = IptablesParser.parse("-P FORWARD DROP\n-A FORWARD -o docker0 -c 17 2048 -j DOCKER\n");
        Rule r = rs.rules().findFirst().orElseThrow();
        assertEquals(new Counters(17, 2048), r.counters());
        assertEquals(List.of("-o"), r.matches().stream().map(Match::option).toList());
    }

    @Test
    void firewalldNoiseAndItsOwnChainsSurvive() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("firewalld-noise.iptables-save"));

        assertEquals(List.of(), rs.problems());
        assertTrue(rs.notes().contains("# Table `firewalld' is incompatible, use 'nft' tool."));
        Table filter = rs.table("ip", "filter");
        assertNotNull(filter.chain("IN_public_allow"));
        Rule gotoRule = filter.chain("INPUT").rules().get(3);
        assertTrue(gotoRule.target().goTo());
        assertEquals("IN_public", gotoRule.target().name());
        Rule reject = filter.chain("IN_public").rules().get(2);
        assertEquals("icmp-host-prohibited", reject.target().option("--reject-with"));
    }

    @Test
    void quotedCommentsKeepSpacesAndEscapedQuotes() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("firewalld-noise.iptables-save"));
        Table filter = rs.table("ip", "filter");

        assertEquals("zone \"public\" allow list", filter.chain("IN_public").rules().get(0).comment());
        assertEquals("office net, see ticket #42", filter.chain("DOCKER-USER").rules().get(0).comment());
        Rule log = filter.chain("FWDI_public").rules().get(0);
        assertEquals("FINAL_REJECT: ", log.target().option("--log-prefix"));
        assertEquals("5/min", log.match("--limit").value());
    }

    @Test
    void unknownMatchesAndTargetsAreKeptVerbatim() {
        FirewallRuleset rs = IptablesParser.parse(
                "-A PREROUTING -m frobnicate --wibble 3 --wobble -j TWIDDLE --knob a b --flag\n");
        Rule r = rs.rules().findFirst().orElseThrow();

        assertEquals(List.of(), rs.problems());
        Match wibble = r.match("--wibble");
        assertEquals("frobnicate", wibble.module());
        assertEquals(List.of("3"), wibble.values());
        assertEquals(List.of(), r.match("--wobble").values());
        assertEquals("TWIDDLE", r.target().name());
        assertEquals(List.of("--knob", "a", "b", "--flag"), r.target().args());
    }

    @Test
    void negationBeforeAndAfterTheOptionAreBothUnderstood() {
        FirewallRuleset rs = IptablesParser.parse("-A INPUT ! -s 10.0.0.0/8 -d ! 10.1.0.0/16 -i eth+ -j DROP\n");
        Rule r = rs.rules().findFirst().orElseThrow();

        assertTrue(r.match("-s").negated());
        assertTrue(r.match("-d").negated());
        assertEquals("10.1.0.0/16", r.match("-d").value());
        assertFalse(r.match("-i").negated());
        assertEquals("eth+", r.match("-i").value());
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumbersAndTheRestIsParsed() {
        String text = String.join("\n",
                "*filter",                                              // 1
                ":INPUT ACCEPT [0:0]",                                  // 2
                "-A INPUT -m comment --comment \"never closed -j ACCEPT", // 3
                "-A INPUT -i lo -j ACCEPT",                             // 4
                "[12:abc] -A INPUT -j DROP",                            // 5
                "-A INPUT -i eth0 stray -j ACCEPT",                     // 6
                "-A INPUT -p tcp !",                                    // 7
                "this is not iptables",                                 // 8
                "-A INPUT -j",                                          // 9
                "-A INPUT -s 192.0.2.1 -j ACCEPT",                      // 10
                "COMMIT");
        FirewallRuleset rs = IptablesParser.parse(text);

        assertEquals(List.of(3, 5, 6, 7, 8, 9), rs.problems().stream().map(ParseProblem::lineNumber).toList());
        assertTrue(rs.problems().get(0).message().contains("unterminated"));
        assertEquals("this is not iptables", rs.problems().get(4).line());
        List<Rule> input = rs.table("ip", "filter").chain("INPUT").rules();
        assertEquals(List.of(4, 10), input.stream().map(Rule::lineNumber).toList());
        assertEquals(List.of(1, 2), input.stream().map(Rule::position).toList());
    }

    @Test
    void aRuleForAnUndeclaredChainIsKeptAndReported() {
        FirewallRuleset rs = IptablesParser.parse("*nat\n-A MYSTERY -j RETURN\nCOMMIT\n");
        assertEquals(1, rs.rules().count());
        assertEquals(2, rs.problems().get(0).lineNumber());
    }

    @Test
    void aChainOfFiveHundredRulesKeepsItsOrder() {
        StringBuilder sb = new StringBuilder("*filter\n:DOCKER - [0:0]\n");
        for (int i = 0; i < 500; i++) {
            sb.append("[").append(i).append(":").append(i * 60L).append("] -A DOCKER -d 172.17.")
                    .append(i / 250).append('.').append(i % 250 + 2)
                    .append("/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport ").append(1000 + i).append(" -j ACCEPT\n");
        }
        sb.append("COMMIT\n");
        FirewallRuleset rs = IptablesParser.parse(sb.toString());
        List<Rule> rules = rs.table("ip", "filter").chain("DOCKER").rules();

        assertEquals(500, rules.size());
        assertEquals("1499", rules.get(499).match("--dport").value());
        assertEquals(500, rules.get(499).position());
        assertEquals(new Counters(499, 499 * 60L), rules.get(499).counters());
    }

    @Test
    void ip6tablesSaveIsReadAsIpv6() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("docker20-ipv6.ip6tables-save"));

        assertEquals(List.of(), rs.problems());
        Table nat = rs.table("ip6", "nat");
        assertNotNull(nat);
        Rule dnat = nat.chain("DOCKER").rules().get(1);
        assertEquals("[fd00:db8:1::2]:80", dnat.target().option("--to-destination"));
        assertEquals("::1/128", nat.chain("OUTPUT").rules().get(0).match("-d").value());
        assertEquals("ip6", dnat.family());
    }

    @Test
    void emptyOrNullTextGivesAnEmptyRuleset() {
        assertEquals(0, IptablesParser.parse("").tables().size());
        assertEquals(0, IptablesParser.parse(null).tables().size());
    }
}

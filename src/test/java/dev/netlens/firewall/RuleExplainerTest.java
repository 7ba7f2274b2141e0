package dev.netlens.firewall;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleExplainerTest {

    private static Rule rule(String line) {
        return IptablesParser.parse(line + "\n").rules().findFirst().orElseThrow();
    }

    @Test
    void dnatSaysWhichHostPortGoesWhere() {
        Explanation e = RuleExplainer.explain(
                rule("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.3:80"));
        assertEquals("host port 8080 goes to 172.17.0.3:80 (tcp), for traffic from anywhere but docker0", e.en());
        assertEquals("호스트 포트 8080(tcp)은(는) 172.17.0.3:80(으)로 갑니다 (docker0 외의 인터페이스에서 들어온 트래픽만)", e.ko());
    }

    @Test
    void masqueradeNamesTheSubnetAndTheBridgeItSpares() {
        Explanation e = RuleExplainer.explain(rule("-A POSTROUTING -s 172.18.0.0/16 ! -o br-x -j MASQUERADE"));
        assertEquals("traffic from 172.18.0.0/16 leaving through any interface but br-x is masqueraded (source NAT)", e.en());
        assertTrue(e.ko().contains("마스커레이드"), e.ko());
    }

    @Test
    void isolationStageTwoDropReadsAsKeepingNetworksApart() {
        FirewallRuleset rs = Fixtures.parseRules("docker27", "usernet-portmap.filter.rules");
        Chain stage2 = rs.table("ip", "filter").chain("DOCKER-ISOLATION-STAGE-2");
        assertEquals("traffic from another bridge into bridge1 is dropped, keeping the networks apart",
                RuleExplainer.explain(stage2.rules().get(0), stage2).en());
        Chain stage1 = rs.table("ip", "filter").chain("DOCKER-ISOLATION-STAGE-1");
        assertEquals("traffic leaving docker0 to another bridge goes to the isolation check in chain DOCKER-ISOLATION-STAGE-2",
                RuleExplainer.explain(stage1.rules().get(0), stage1).en());
    }

    @Test
    void aPlainIsolationDropSaysTrafficLeavesForAnotherInterface() {
        assertEquals("traffic leaving br-1a2b for another interface is dropped",
                RuleExplainer.explain(rule("-A DOCKER-INTERNAL -i br-1a2b ! -o br-1a2b -j DROP")).en());
    }

    @Test
    void conntrackAcceptSpeaksOfRepliesToEstablishedConnections() {
        Explanation e = RuleExplainer.explain(
                rule("-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"));
        assertEquals("replies to connections already established into docker0 are accepted", e.en());
        assertEquals("docker0(으)로 들어가는 이미 맺어진 연결의 응답은 허용됩니다", e.ko());
    }

    @Test
    void jumpToDockerAfterTheRepliesRuleIsAboutNewTraffic() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("docker20-lab.iptables-save"));
        Chain forward = rs.table("ip", "filter").chain("FORWARD");
        Rule jump = forward.rules().stream().filter(r -> r.raw().equals("-A FORWARD -o docker0 -j DOCKER"))
                .findFirst().orElseThrow();
        assertEquals("new traffic into docker0 is handed to chain DOCKER", RuleExplainer.explain(jump, forward).en());
        assertEquals("traffic into docker0 is handed to chain DOCKER", RuleExplainer.explain(jump).en());
        assertEquals("docker0(으)로 들어가는 새 트래픽은 체인 DOCKER(으)로 넘겨집니다", RuleExplainer.explain(jump, forward).ko());
    }

    @Test
    void guardedBridgeEntryAndLocalAddressesRead() {
        assertEquals("traffic into docker0 from elsewhere is handed to chain DOCKER",
                RuleExplainer.explain(rule("-A FORWARD ! -i docker0 -o docker0 -j DOCKER")).en());
        assertEquals("traffic addressed to this host is handed to chain DOCKER",
                RuleExplainer.explain(rule("-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER")).en());
        assertEquals("traffic into docker0 from elsewhere to 172.17.0.2 on tcp port 80 is accepted",
                RuleExplainer.explain(rule("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT")).en());
    }

    @Test
    void nftRulesReadLikeTheirIptablesTwinsAndKeepTheirComment() {
        FirewallRuleset rs = NftRulesetParser.parse(Fixtures.resource("docker29-usernet-portmap.json"));
        Table t = rs.table("ip", "docker-bridges");
        assertEquals("host port 8080 goes to 192.0.2.2:80 (tcp), for traffic from anywhere but bridge1 (comment: \"DNAT\")",
                RuleExplainer.explain(t.chain("nat-prerouting-and-output").rules().get(0)).en());
        assertEquals("traffic is sorted by the interface it goes into: docker0 to chain filter-forward-in__docker0, "
                + "bridge1 to chain filter-forward-in__bridge1", RuleExplainer.explain(t.chain("filter-FORWARD").rules().get(0)).en());
    }

    @Test
    void policiesAndUserChainEndsAreExplained() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("docker20-lab.iptables-save"));
        Table filter = rs.table("ip", "filter");
        assertEquals("when no rule in chain FORWARD decides, the traffic is dropped",
                RuleExplainer.explainPolicy(filter.chain("FORWARD")).en());
        assertEquals("체인 FORWARD의 어떤 규칙도 결정하지 않으면 트래픽은 버려집니다",
                RuleExplainer.explainPolicy(filter.chain("FORWARD")).ko());
        assertTrue(RuleExplainer.explainPolicy(filter.chain("DOCKER")).en().contains("goes back"));
    }

    @Test
    void everyRuleOfEveryCaptureGetsAnExplanationInBothLanguages() {
        List<FirewallRuleset> all = List.of(
                IptablesParser.parse(Fixtures.resource("docker20-lab.iptables-save")),
                IptablesParser.parse(Fixtures.resource("firewalld-noise.iptables-save")),
                IptablesParser.parse(Fixtures.resource("docker20-ipv6.ip6tables-save")),
                NftRulesetParser.parse(Fixtures.resource("docker29-usernet-portmap.json")),
                NftRulesetParser.parse(Fixtures.resource("docker20-lab.iptables-nft.json")));
        for (FirewallRuleset rs : all) {
            rs.chains().forEach(c -> c.rules().forEach(r -> {
                Explanation e = RuleExplainer.explain(r, c);
                assertTrue(!e.en().isBlank() && !e.en().contains("{"), r.raw() + " -> " + e.en());
                assertTrue(e.ko().chars().anyMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3), r.raw() + " -> " + e.ko());
            }));
        }
    }

    @Test
    void koreanBundleHasItsOwnTextForEveryEnglishKey() throws IOException {
        Properties en = load("messages.properties");
        Properties ko = load("messages_ko.properties");
        assertEquals(en.stringPropertyNames(), ko.stringPropertyNames());
    }

    @Test
    void explanationPicksTheLanguageOfTheLocale() {
        Explanation e = new Explanation("accepted", "허용됩니다");
        assertEquals("허용됩니다", e.in(Locale.KOREA));
        assertEquals("accepted", e.in(Locale.GERMANY));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RuleExplainer.class.getResourceAsStream("/dev/netlens/firewall/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

package dev.netlens.firewall;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerChainsTest {

    private static FirewallRuleset both(String generation, String scenario) {
        return FirewallRuleset.merge(List.of(Fixtures.parseRules(generation, scenario + ".filter.rules"),
                Fixtures.parseRules(generation, scenario + ".nat.rules")));
    }

    @Test
    void docker27ChainsAreDockersAndTheStyleIsIsolationStages() {
        FirewallRuleset rs = both("docker27", "usernet-portmap");
        DockerChains dc = DockerChains.of(rs);
        Table filter = rs.table("ip", "filter");
        for (String name : List.of("DOCKER", "DOCKER-USER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2")) {
            assertTrue(dc.isDockerChain(filter.chain(name)), name);
        }
        assertFalse(dc.isDockerChain(filter.chain("FORWARD")));
        assertEquals(Set.of(DockerChains.Style.ISOLATION_STAGES), dc.styles());
    }

    @Test
    void docker28ChainsIncludingIngressAreDockersAndTheStyleIsForwardChain() {
        FirewallRuleset rs = both("docker28", "swarm-portmap");
        DockerChains dc = DockerChains.of(rs);
        Table filter = rs.table("ip", "filter");
        for (String name : List.of("DOCKER-FORWARD", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-INTERNAL", "DOCKER-INGRESS")) {
            assertTrue(dc.isDockerChain(filter.chain(name)), name);
        }
        assertEquals(Set.of(DockerChains.Style.FORWARD_CHAIN), dc.styles());
        assertTrue(dc.interfaces().containsAll(Set.of("docker0", "docker_gwbridge")));
    }

    @Test
    void everyChainOfADockerNftTableIsDockersWhateverItsName() {
        FirewallRuleset rs = NftRulesetParser.parse(Fixtures.resource("docker29-usernet-portmap.json"));
        DockerChains dc = DockerChains.of(rs);
        assertTrue(dc.isDockerChain(rs.table("ip", "docker-bridges").chain("filter-forward-in__bridge1")));
        assertTrue(dc.isDockerChain(rs.table("ip6", "docker-bridges").chain("nat-POSTROUTING")));
        assertFalse(dc.isDockerChain(rs.table("inet", "host-filter").chain("input")));
        assertEquals(Set.of(DockerChains.Style.NFTABLES), dc.styles());
        assertTrue(dc.interfaces().containsAll(Set.of("docker0", "bridge1", "bridge6")));
    }

    @Test
    void aFutureDockerChainIsRecognisedByItsNameAlone() {
        FirewallRuleset rs = IptablesParser.parse("-N DOCKER-SOMETHING-NEW\n-A FORWARD -j DOCKER-SOMETHING-NEW\n");
        DockerChains dc = DockerChains.of(rs);
        assertTrue(dc.isDockerChain(rs.table("ip", "filter").chain("DOCKER-SOMETHING-NEW")));
        assertTrue(dc.isDockerRule(rs.table("ip", "filter").chain("FORWARD").rules().get(0)));
    }

    @Test
    void masqueradeAndForwardJumpsElsewhereAreDockersButAUserRuleIsNot() {
        String text = Fixtures.resource("docker20-lab.iptables-save")
                .replace("-A FORWARD -j DOCKER-USER\n", "-A FORWARD -j DOCKER-USER\n-A FORWARD -i eth9 -o eth8 -j ACCEPT\n");
        FirewallRuleset rs = IptablesParser.parse(text);
        DockerChains dc = DockerChains.of(rs);
        List<Rule> post = rs.table("ip", "nat").chain("POSTROUTING").rules();
        assertTrue(post.stream().allMatch(dc::isDockerRule), "every MASQUERADE here is for a Docker bridge");
        List<Rule> forward = rs.table("ip", "filter").chain("FORWARD").rules();
        assertTrue(dc.isDockerRule(forward.get(0)));
        assertFalse(dc.isDockerRule(forward.get(1)), "eth9 -> eth8 is nobody's bridge");
        assertTrue(dc.subnets().contains(IpNet.parse("172.17.0.0/16")));
        assertTrue(dc.rulesElsewhere().contains(post.get(0)));
        assertFalse(dc.rulesElsewhere().contains(forward.get(1)));
    }

    @Test
    void rawDropOfDirectAccessIsDockersBecauseItNamesADockerBridge() {
        FirewallRuleset rs = FirewallRuleset.merge(List.of(both("docker28", "usernet-portmap"),
                Fixtures.parseRules("docker28", "usernet-portmap.raw.rules")));
        DockerChains dc = DockerChains.of(rs);
        assertTrue(dc.isDockerRule(rs.table("ip", "raw").chain("PREROUTING").rules().get(0)));
    }

    @Test
    void dockerChainsComeFirstThenChainsHoldingDockerRules() {
        FirewallRuleset rs = IptablesParser.parse(Fixtures.resource("docker28-usernet-portmap.iptables-save"));
        DockerChains dc = DockerChains.of(rs);
        List<String> order = dc.orderedChains(rs.table("ip", "filter")).stream().map(Chain::name).toList();
        assertEquals(List.of("DOCKER", "DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD", "DOCKER-INTERNAL",
                "DOCKER-USER", "FORWARD", "INPUT", "OUTPUT"), order);
    }

    @Test
    void dockerNftTablesComeBeforeOtherTables() {
        FirewallRuleset rs = FirewallRuleset.merge(List.of(
                IptablesParser.parse(Fixtures.resource("firewalld-noise.iptables-save")),
                NftRulesetParser.parse(Fixtures.resource("docker29-usernet-portmap.json"))));
        List<String> order = DockerChains.of(rs).orderedTables().stream().map(Table::label).toList();
        assertEquals(List.of("ip docker-bridges", "ip6 docker-bridges", "ip filter", "inet host-filter"), order);
    }
}

package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.firewall.FirewallCaptureParser;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.Match;
import dev.netlens.firewall.Rule;
import dev.netlens.firewall.RuleHits;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Count from now", then real traffic, then "Refresh counters", against the engine: two containers of
 * a bridge network made here ping each other; the firewall read again shows the FORWARD rule that
 * lets the bridge's own traffic through as risen, and the rule for traffic leaving the bridge not.
 * Everything made here carries {@code netlens.test=hits} and is removed by it, before and after.
 */
@EngineTest
class RuleHitsAgainstEngineTest {
    private static final String LABEL = "netlens.test=hits";
    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String bridge = "nlh" + suffix.substring(Math.max(0, suffix.length() - 8));
    private final String network = "netlens-hits-" + suffix;
    private Discovery discovery;

    @BeforeEach
    void makeNetworkAndContainers() {
        removeByLabel();
        discovery = Discovery.local();
        RuntimeException last = null;
        boolean made = false;
        for (int attempt = 0; attempt < 8 && !made; attempt++) {
            int third = ThreadLocalRandom.current().nextInt(1, 255);
            try {
                Lab.docker(Lab.ENGINE1, "network", "create", "--label", LABEL, "--subnet", "100.64." + third + ".0/24",
                        "-o", "com.docker.network.bridge.name=" + bridge, network);
                made = true;
            } catch (RuntimeException e) {
                last = e;
                if (!String.valueOf(e.getMessage()).contains("overlap")) {
                    throw e;
                }
            }
        }
        if (!made) {
            throw last;
        }
        for (String name : List.of("a", "b")) {
            Lab.docker(Lab.ENGINE1, "run", "-d", "--name", network + "-" + name, "--label", LABEL, "--network", network,
                    "--stop-timeout", "1", "netlens/busybox:lab", "sleep", "600");
        }
    }

    @AfterEach
    void removeWhatThisTestMade() {
        if (discovery != null) {
            discovery.close();
        }
        assertEquals(List.of(), removeByLabel(), "clean-up of label " + LABEL);
    }

    private static List<String> removeByLabel() {
        List<String> errors = new ArrayList<>();
        try {
            String ids = Lab.docker(Lab.ENGINE1, "ps", "-aq", "--filter", "label=" + LABEL).strip();
            if (!ids.isEmpty()) {
                List<String> argv = new ArrayList<>(List.of("rm", "-f"));
                argv.addAll(List.of(ids.split("\\s+")));
                Lab.docker(Lab.ENGINE1, argv.toArray(String[]::new));
            }
            String nets = Lab.docker(Lab.ENGINE1, "network", "ls", "-q", "--filter", "label=" + LABEL).strip();
            if (!nets.isEmpty()) {
                List<String> argv = new ArrayList<>(List.of("network", "rm"));
                argv.addAll(List.of(nets.split("\\s+")));
                Lab.docker(Lab.ENGINE1, argv.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    @Test
    void pingsBetweenTwoContainersRaiseTheBridgesForwardRuleInTheRefreshedCapture() {
        FirewallRuleset before = read();
        Rule within = forward(before, false);
        assertNotNull(within.counters(), "iptables-save -c gives the rule's counters: " + within.raw());
        RuleHits hits = RuleHits.mark(before);
        assertTrue(hits.size() > 0);

        String target = Lab.docker(Lab.ENGINE1, "inspect", "-f", "{{(index .NetworkSettings.Networks \"" + network
                + "\").IPAddress}}", network + "-b").strip();
        Lab.docker(Lab.ENGINE1, "exec", network + "-a", "ping", "-c", "3", "-W", "2", target);

        FirewallRuleset after = read();
        // Conntrack: the first echo request is NEW and meets "-i BR -o BR -j ACCEPT"; the rest of the
        // exchange (2 requests, 3 replies) is ESTABLISHED and meets the ctstate rule first.
        Rule withinNow = forward(after, false);
        Long since = hits.packetsSince(withinNow);
        assertNotNull(since, "the rule is the one remembered: " + withinNow.raw());
        assertTrue(since >= 1 && hits.rose(withinNow), "the first echo request crossed " + bridge + ": " + since);
        Long established = hits.packetsSince(established(after));
        assertTrue(established != null && established >= 5, "the rest of the exchange: " + established);
        assertEquals(0L, hits.packetsSince(forward(after, true)), "nothing left the bridge");
    }

    /** {@code -A FORWARD -o BR -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT}. */
    private Rule established(FirewallRuleset rules) {
        return rules.rules().filter(r -> r.family().equals("ip") && r.table().equals("filter") && r.chain().equals("FORWARD"))
                .filter(r -> r.target().name().equals("ACCEPT") && r.match("-i") == null && is(r.match("-o"), false)
                        && r.match("--ctstate") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no conntrack rule for " + bridge));
    }

    @Test
    void nftCounterStatementsGiveTheirRulesCounters() {
        FirewallCapture capture = discovery.readFirewall(Lab.ENGINE1);
        assertNotNull(capture.nftRuleset(), "nft read (installed by scripts/test.sh; absent, the dump is skipped): "
                + capture.missing());
        List<Rule> counted = dev.netlens.firewall.NftRulesetParser.parse(capture.nftRuleset()).rules()
                .filter(r -> r.raw().contains("counter packets")).toList();
        assertTrue(!counted.isEmpty(), "Docker's rules, seen through nft, count packets");
        counted.forEach(r -> assertNotNull(r.counters(), r.raw()));
    }

    private FirewallRuleset read() {
        FirewallCapture capture = discovery.readFirewall(Lab.ENGINE1);
        assertNotNull(capture.iptablesSave(), "iptables-save -c read: " + capture.missing());
        return FirewallCaptureParser.read(capture);
    }

    /** {@code -A FORWARD -i BR -o BR -j ACCEPT}, or with {@code ! -o BR} (traffic leaving the bridge). */
    private Rule forward(FirewallRuleset rules, boolean leaving) {
        return rules.rules().filter(r -> r.family().equals("ip") && r.table().equals("filter") && r.chain().equals("FORWARD"))
                .filter(r -> r.target().name().equals("ACCEPT"))
                .filter(r -> is(r.match("-i"), false) && is(r.match("-o"), leaving) && r.match("--ctstate") == null)
                .findFirst().orElseThrow(() -> new AssertionError("no FORWARD rule for " + bridge + (leaving ? " leaving" : "")));
    }

    private boolean is(Match m, boolean negated) {
        return m != null && bridge.equals(m.value()) && m.negated() == negated;
    }
}

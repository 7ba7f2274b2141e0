package dev.netlens.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.firewall.IptablesParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter comparison the lab test judges predictions by. */
class RuleCountersTest {
    private static final String BEFORE = """
            *filter
            :FORWARD DROP [3:180]
            :DOCKER-USER - [0:0]
            [10:840] -A FORWARD -j DOCKER-USER
            [0:0] -A FORWARD -i br-1 -o br-1 -j DROP
            [10:840] -A DOCKER-USER -j RETURN
            COMMIT
            """;

    private static RuleCounters read(String text) {
        return new RuleCounters(IptablesParser.parse(text, "ip", "filter"));
    }

    @Test
    void rulesAndPoliciesWhosePacketCountersRoseAreHits() {
        List<RuleCounters.Hit> hits = read(BEFORE.replace(":FORWARD DROP [3:180]", ":FORWARD DROP [4:240]")
                .replace("[0:0] -A FORWARD -i br-1", "[2:168] -A FORWARD -i br-1")).rose(read(BEFORE));
        assertEquals(List.of(
                new RuleCounters.Hit("filter", "FORWARD", 0, "-P FORWARD DROP", 1),
                new RuleCounters.Hit("filter", "FORWARD", 2, "-A FORWARD -i br-1 -o br-1 -j DROP", 2)), hits);
        assertTrue(hits.stream().allMatch(RuleCounters.Hit::drops));
        assertTrue(RuleCounters.rose(hits, new RuleRef("h", "filter", "FORWARD", "[0:0] -A FORWARD -i br-1 -o br-1 -j DROP", 2, null)));
        assertTrue(RuleCounters.rose(hits, new RuleRef("h", "filter", "FORWARD", "-P FORWARD DROP", 0, null)));
        assertFalse(RuleCounters.rose(hits, new RuleRef("h", "filter", "FORWARD", "-A FORWARD -j DOCKER-USER", 1, null)));
    }

    @Test
    void aRuleMovedByAnInsertionIsFoundByItsText() {
        String after = BEFORE.replace("[10:840] -A FORWARD -j DOCKER-USER",
                "[0:0] -A FORWARD -i other -j ACCEPT\n[11:924] -A FORWARD -j DOCKER-USER");
        List<RuleCounters.Hit> hits = read(after).rose(read(BEFORE));
        assertEquals(List.of(new RuleCounters.Hit("filter", "FORWARD", 2, "-A FORWARD -j DOCKER-USER", 1)), hits);
        assertFalse(hits.get(0).drops());
    }
}

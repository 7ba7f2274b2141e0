package dev.netlens.reveal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caption's count of published ports' DNAT rules, from dumps with and without counters. */
class FirewallHooksTest {
    private static TopologySnapshot with(String iptables) {
        Host h = new Host("h1", "unix:///var/run/docker.sock", "node1", "20.10.24", "1.41", "Debian", "6.1", null, null,
                false, true, "boot", List.of(), new FirewallCapture(iptables, null, null, List.of()));
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-12-03T10:00:00Z", "live", List.of(h), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void dnatRulesAreCountedWithAndWithoutPacketCounters() {
        String plain = "*nat\n:DOCKER - [0:0]\n-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\nCOMMIT\n";
        String counted = "*nat\n:DOCKER - [0:0]\n[3:180] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n"
                + "[0:0] -A DOCKER -i docker0 -j RETURN\nCOMMIT\n";
        assertEquals(1, FirewallHooks.of(with(plain)).dnatRules());
        assertEquals(1, FirewallHooks.of(with(counted)).dnatRules());
    }
}

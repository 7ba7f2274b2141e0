package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoTopologyTest {
    @Test
    void demoIsLabelledAndShowsEveryDriverOfTheLab() {
        TopologySnapshot demo = DemoTopology.load();
        assertEquals("demo", demo.source());
        assertEquals(2, demo.hosts().size());
        Set<String> drivers = demo.networks().stream().map(Network::driver).collect(Collectors.toSet());
        assertTrue(drivers.containsAll(Set.of("bridge", "host", "null", "macvlan", "overlay")), drivers.toString());
        assertTrue(demo.tunnels().size() >= 1);
        assertTrue(demo.containers().stream().anyMatch(c -> c.networkMode().startsWith("container:")));
    }
}

package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The counters of real output captured in the lab: lab-user-a's namespace and lab-overlay's. */
class CounterParserTest {
    static String resource(String name) throws IOException {
        try (InputStream in = CounterParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, CounterSample> byName(List<CounterSample> samples) {
        return samples.stream().collect(Collectors.toMap(CounterSample::name, Function.identity()));
    }

    @Test
    void ipLinkStatsGiveEachInterfacesCountersAndIndex() throws IOException {
        Map<String, CounterSample> s = byName(CounterParser.ipLinkJson(resource("ip-s-j-link-lab-user-a.json"), 42));
        assertEquals(List.of("eth0", "lo"), s.keySet().stream().sorted().toList());
        CounterSample eth0 = s.get("eth0");
        assertEquals(new CounterSample("eth0", 4259, 1982, 756, 25, 10, 0, 0, 0, 0, 42), eth0);
        assertEquals(440, s.get("lo").rxBytes());
    }

    @Test
    void procNetDevOfTheSameNamespaceGivesTheSameCountersWithoutIndex() throws IOException {
        Map<String, CounterSample> proc = byName(CounterParser.procNetDev(resource("proc-net-dev-lab-user-a.txt"), 42));
        Map<String, CounterSample> ip = byName(CounterParser.ipLinkJson(resource("ip-s-j-link-lab-user-a.json"), 42));
        assertEquals(ip.keySet(), proc.keySet());
        ip.forEach((name, s) -> assertEquals(new CounterSample(name, 0, s.rxBytes(), s.txBytes(), s.rxPackets(), s.txPackets(),
                s.rxDropped(), s.txDropped(), s.rxErrors(), s.txErrors(), 42), proc.get(name), name));
    }

    @Test
    void theOverlayNamespaceHasItsVxlanDevicesCounters() throws IOException {
        Map<String, CounterSample> s = byName(CounterParser.ipLinkJson(resource("ip-s-j-link-overlay-ns.json"), 0));
        assertEquals(List.of("br0", "lo", "veth0", "veth1", "vxlan0"), s.keySet().stream().sorted().toList());
        assertEquals(252, s.get("vxlan0").rxBytes());
        assertEquals(4270, s.get("vxlan0").ifindex());
    }

    @Test
    void dropsAndErrorsAreReadFromTheirColumns() throws IOException {
        String text = "Inter-|   Receive | Transmit\n face |bytes packets errs drop|bytes\n"
                + "  eth0: 100 2 3 4 0 0 0 0 200 5 6 7 0 0 0 0\n";
        CounterSample s = CounterParser.procNetDev(text, 0).get(0);
        assertEquals(new CounterSample("eth0", 0, 100, 200, 2, 5, 4, 7, 3, 6, 0), s);
    }

    @Test
    void outputOfAnotherShapeIsRefused() {
        assertThrows(IOException.class, () -> CounterParser.ipLinkJson("{\"not\":\"an array\"}", 0));
        assertThrows(IOException.class, () -> CounterParser.procNetDev("  eth0: 1 2 3\n", 0));
    }
}

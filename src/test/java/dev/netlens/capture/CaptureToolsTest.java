package dev.netlens.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureToolsTest {
    private final CaptureTools tools = new CaptureTools(Path.of("/usr/bin/nsenter"), Path.of("/usr/bin/tcpdump"), true);

    private static CaptureRequest request(String filter, int count) {
        return new CaptureRequest("eth0 of a", "/var/run/docker/netns/abc", "eth0", filter, count, Duration.ofSeconds(3),
                Path.of("/tmp/out.pcap"));
    }

    @Test
    void tcpdumpRunsInTheNamespaceAsOneArgumentListWritingTheFileAPacketAtATime() throws Exception {
        assertEquals(List.of("/usr/bin/nsenter", "--net=/var/run/docker/netns/abc", "/usr/bin/tcpdump", "-i", "eth0",
                "-w", "/tmp/.out.pcap.partial", "-U", "-n", "-Z", "root", "-c", "5", "--", "icmp", "and", "host", "100.64.94.3"),
                tools.argv(request("icmp and host 100.64.94.3", 5), Path.of("/tmp/.out.pcap.partial")));
    }

    @Test
    void noLimitAndNoFilterAddNothing() throws Exception {
        assertEquals(List.of("/usr/bin/nsenter", "--net=/var/run/docker/netns/abc", "/usr/bin/tcpdump", "-i", "eth0",
                "-w", "/tmp/f", "-U", "-n", "-Z", "root"), tools.argv(request("   ", 0), Path.of("/tmp/f")));
    }

    @Test
    void shellCharactersInAFilterStayPlainWordsAfterTheEndOfOptions() throws Exception {
        List<String> argv = tools.argv(request("-w /etc/passwd; rm -rf / `id` $(id)", 0), Path.of("/tmp/f"));
        int end = argv.indexOf("--");
        assertEquals(List.of("-w", "/etc/passwd;", "rm", "-rf", "/", "`id`", "$(id)"), argv.subList(end + 1, argv.size()));
        assertEquals(argv.lastIndexOf("-w"), end + 1, "the filter's -w comes only after --");
        assertEquals("/tmp/f", argv.get(argv.indexOf("-w") + 1));
        assertTrue(argv.stream().noneMatch(a -> a.endsWith("sh")), "no shell runs");
    }

    @Test
    void aFilterWithAControlCharacterIsRefusedInOneLine() {
        CaptureException e = assertThrows(CaptureException.class, () -> BpfFilter.words("icmp\u0000and"));
        assertEquals(CaptureException.Problem.BAD_FILTER, e.problem());
        assertEquals("the filter is not valid: it holds a control character", e.getMessage());
        assertThrows(CaptureException.class, () -> BpfFilter.words("a ".repeat(BpfFilter.MAX_LENGTH)));
    }

    @Test
    void theFilterCheckCompilesOnlyAndOpensNoInterface() throws Exception {
        assertEquals(List.of("/usr/bin/tcpdump", "-d", "--", "udp", "port", "4789"), tools.filterCheck(" udp port 4789 ").orElseThrow());
        assertTrue(tools.filterCheck("").isEmpty());
    }
}

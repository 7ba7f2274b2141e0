package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.capture.CaptureLab;
import dev.netlens.capture.Icmp;
import dev.netlens.capture.PcapReader;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netlens capture} end to end: discovery of the lab, tcpdump in a container's namespace, the pcap file. */
@EngineTest
class CaptureCommandAgainstLabTest {
    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @BeforeAll
    static void up() {
        CaptureLab.up();
    }

    @AfterAll
    static void down() {
        CaptureLab.down();
    }

    private int run(String... args) {
        return CliRun.run(out, err, args);
    }

    @Test
    void aContainersEchoRequestsAreWrittenToThePcapFile() throws Exception {
        Path file = temp.resolve("cli.pcap");
        // Pings run meanwhile (about 30 s at most): the command's discovery takes a few seconds before tcpdump listens.
        CaptureLab.pingInBackground(30);
        assertEquals(0, run("capture", "--host", Lab.ENGINE1, "--container", CaptureLab.A, "--filter",
                "icmp[icmptype] = icmp-echo", "--count", "5", "--seconds", "25", "--output", file.toString()), err.toString());
        assertEquals("5 packets written to " + file + " (packet limit reached)", out.toString().strip());
        assertTrue(err.toString().startsWith("netlens capture: capturing on eth0 of nlcap-a on "), err.toString());
        assertEquals(5, Icmp.count(PcapReader.read(file), Icmp.ECHO_REQUEST, CaptureLab.A_IP, CaptureLab.B_IP));
    }

    @Test
    void anInterfaceIdCapturesThereAndAQuietOneEndsAtItsTimeLimit() throws Exception {
        String veth = CaptureLab.hostVethOfA(CaptureLab.discover());
        Path file = temp.resolve("veth.pcap");
        assertEquals(0, run("capture", "--host", Lab.ENGINE1, "--interface", veth, "--filter", "tcp port 9", "--seconds", "1",
                "--output", file.toString()), err.toString());
        assertEquals("0 packets written to " + file + " (time limit reached)", out.toString().strip());
        assertEquals(0, PcapReader.read(file).records().size());
    }

    @Test
    void aFilterTcpdumpRefusesExitsTwoAndWritesNothing() {
        Path file = temp.resolve("bad.pcap");
        assertEquals(2, run("capture", "--host", Lab.ENGINE1, "--container", CaptureLab.A, "--filter", "icmp and and",
                "--count", "1", "--output", file.toString()));
        assertEquals("netlens capture: the filter is not valid: syntax error", err.toString().strip());
        assertFalse(Files.exists(file));
    }
}

package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.capture.CaptureException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments refused before anything is discovered or started, and the exit statuses of each problem. */
class CaptureCommandTest {
    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.run(new StringWriter(), err, args);
    }

    @Test
    void aHeadlessCaptureNeedsAnEnd() {
        Path out = temp.resolve("x.pcap");
        assertEquals(2, run("capture", "--container", "a", "--output", out.toString()));
        assertEquals("netlens capture: give --count N or --seconds S (or both): a headless capture needs an end",
                err.toString().strip());
        assertEquals(2, run("capture", "--container", "a", "--count", "0", "--output", out.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void exactlyOneOfInterfaceAndContainerAndAnOutputAreRequired() {
        assertEquals(2, run("capture", "--count", "1", "--output", temp.resolve("x.pcap").toString()));
        assertEquals(2, run("capture", "--interface", "i", "--container", "c", "--count", "1", "--output", "x.pcap"));
        assertEquals(2, run("capture", "--container", "c", "--count", "1"));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void eachProblemHasItsExitStatus() {
        assertEquals(2, CaptureCommand.status(CaptureException.Problem.NOT_FOUND));
        assertEquals(2, CaptureCommand.status(CaptureException.Problem.BAD_FILTER));
        for (var p : new CaptureException.Problem[] {CaptureException.Problem.NO_TCPDUMP, CaptureException.Problem.NOT_ROOT,
                CaptureException.Problem.REMOTE, CaptureException.Problem.NO_NAMESPACE, CaptureException.Problem.NO_INTERFACE}) {
            assertEquals(4, CaptureCommand.status(p), p.name());
        }
        assertEquals(5, CaptureCommand.status(CaptureException.Problem.FAILED));
        assertEquals(5, CaptureCommand.status(CaptureException.Problem.OUTPUT));
    }

    @Test
    void noReadableEngineExitsThree() {
        assertEquals(3, run("capture", "--host", "unix://" + temp.resolve("no.sock"), "--container", "a", "--count", "1",
                "--output", temp.resolve("x.pcap").toString()));
        assertTrue(err.toString().contains("no engine could be read"), err.toString());
    }
}

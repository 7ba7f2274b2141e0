package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    private static final String LAB = "src/test/resources/snapshots/lab.json";

    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return CliRun.run(out, err, args);
    }

    @Test
    void aComputedTraceExitsZeroWhateverItsVerdict() {
        assertEquals(0, run("trace", "--snapshot", LAB, "--from", "lab-bridge-a", "--to", "lab-bridge-b", "--lang", "en"));
        assertTrue(out.toString().startsWith("Trace from lab-bridge-a to lab-bridge-b (icmp): delivered."), out.toString());
        assertEquals(0, run("trace", "--snapshot", LAB, "--from", "lab-user-a", "--to", "lab-renamed-1:80", "--lang", "en"));
        assertTrue(out.toString().contains("(tcp/80): dropped."), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void jsonIsWrittenToAFile() throws Exception {
        Path file = temp.resolve("trace.json");
        assertEquals(0, run("trace", "--snapshot", LAB, "--from", "203.0.113.9", "--to", "host:8080", "--format", "json",
                "--output", file.toString()));
        JsonNode j = new ObjectMapper().readTree(Files.readString(file));
        assertEquals("netlens.trace/v1", j.get("schema").asText());
        assertEquals("delivered", j.get("verdict").asText());
        assertEquals(8080, j.get("port").asInt());
        assertEquals("", out.toString());
    }

    @Test
    void koreanTextOnRequest() {
        assertEquals(0, run("trace", "--snapshot", LAB, "--from", "lab-bridge-a", "--to", "lab-bridge-b", "--lang", "ko"));
        assertTrue(out.toString().contains("전달됨"), out.toString());
    }

    @Test
    void anEndpointThatDoesNotExistOrABadArgumentExitsTwoInOneLine() {
        assertEquals(2, run("trace", "--snapshot", LAB, "--from", "no-such", "--to", "lab-bridge-b"));
        assertTrue(err.toString().startsWith("netlens trace: ") && err.toString().contains("no-such"), err.toString());
        assertEquals(1, err.toString().lines().count());
        assertEquals(2, run("trace", "--snapshot", LAB, "--from", "lab-bridge-a", "--to", "lab-bridge-b:99999"));
        assertEquals(2, run("trace", "--snapshot", LAB, "--from", "lab-bridge-a", "--to", "lab-bridge-b", "--format", "xml"));
        assertEquals(2, run("trace", "--snapshot", LAB, "--from", "lab-bridge-a", "--to", "lab-bridge-b", "--lang", "fr"));
        assertEquals(2, run("trace", "--snapshot", LAB, "--from", "lab-bridge-a"));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void anUnreadableSnapshotExitsTwo() throws Exception {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"netlens.topology/v1\", \"hosts\": [");
        assertEquals(2, run("trace", "--snapshot", bad.toString(), "--from", "a", "--to", "b"));
    }

    @Test
    void noReadableEngineExitsThree() {
        // A unix socket that does not exist: nothing leaves this machine.
        assertEquals(3, run("trace", "--host", "unix://" + temp.resolve("no.sock"), "--from", "a", "--to", "b"));
        assertTrue(err.toString().contains("no engine could be read"), err.toString());
    }
}

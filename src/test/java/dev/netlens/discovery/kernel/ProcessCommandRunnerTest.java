package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real processes: the arguments arrive whole, output and errors are kept apart, time limits hold. */
class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(2));

    @Test
    void argumentsArePassedWholeNeverThroughAShell() throws IOException {
        CommandResult result = runner.run(List.of("printf", "%s|", "a b", "$(id)", ";ls"));
        assertTrue(result.ok());
        assertEquals("a b|$(id)|;ls|", result.stdout());
    }

    @Test
    void inputReachesTheProgramAndNoInputIsAnEmptyOne() throws IOException {
        assertEquals("addr show\nroute show\n", runner.run(List.of("cat"), "addr show\nroute show\n").stdout());
        assertEquals("", runner.run(List.of("cat"), null).stdout());
        assertEquals("", runner.run(List.of("cat")).stdout());
    }

    @Test
    void standardErrorAndExitCodeAreKept() throws IOException {
        CommandResult result = runner.run(List.of("ls", "/no/such/folder/netlens"));
        assertFalse(result.ok());
        assertTrue(result.firstErrorLine().contains("No such file"), result.firstErrorLine());
    }

    @Test
    void missingProgramIsNamed() {
        CommandNotFoundException e = assertThrows(CommandNotFoundException.class, () -> runner.run(List.of("netlens-no-such-tool")));
        assertEquals("netlens-no-such-tool", e.program());
        assertFalse(runner.isAvailable("netlens-no-such-tool"));
    }

    @Test
    void processOutlivingItsTimeIsKilledAndReported() {
        IOException e = assertThrows(IOException.class, () -> runner.run(List.of("sleep", "30")));
        assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
    }
}

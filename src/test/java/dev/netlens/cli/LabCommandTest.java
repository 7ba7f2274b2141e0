package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabCommandTest {
    /** A unix socket path that cannot exist: no network address is ever tried. */
    private static final String NO_ENGINE = "unix:///nonexistent/netlens-test/docker.sock";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.run(out, err, args);
    }

    @Test
    void labListsItsSubcommands() {
        assertEquals(0, run("lab", "--help"));
        for (String sub : new String[] {"up", "down", "status"}) {
            assertTrue(out.toString().contains(sub), out.toString());
        }
        assertTrue(out.toString().contains("dev.netlens.lab=classroom"), out.toString());
    }

    @Test
    void labWithoutSubcommandShowsUsage() {
        assertEquals(2, run("lab"));
        assertTrue(err.toString().contains("Usage: netlens lab"), err.toString());
    }

    @Test
    void upHelpNamesTheDefaultImageAndTheLocalOne() {
        assertEquals(0, run("lab", "up", "--help"));
        String help = out.toString();
        assertTrue(help.contains("--image") && help.contains("busybox:1.36"), help);
        assertTrue(help.contains("netlens/busybox:lab"), help);
        assertTrue(help.contains("--host"), help);
    }

    @Test
    void unknownOptionIsABadArgument() {
        assertEquals(2, run("lab", "up", "--colour", "red"));
        assertTrue(err.toString().contains("--colour"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "status"})
    void unreachableEngineIsRefusedInOneLineWithoutAStackTrace(String sub) {
        assertEquals(3, run("lab", sub, "--host", NO_ENGINE));
        String message = err.toString().strip();
        assertTrue(message.startsWith("netlens lab " + sub + ": cannot reach the Docker engine at " + NO_ENGINE), message);
        assertTrue(message.contains("--host"), message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertFalse(out.toString().contains("created"), out.toString());
    }
}

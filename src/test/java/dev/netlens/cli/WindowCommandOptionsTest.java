package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The window's own command takes the kernel and TLS options the headless commands take, and checks them before opening. */
class WindowCommandOptionsTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.run(new StringWriter(), err, args);
    }

    @Test
    void anUnknownKernelModeIsRefusedInOneLineBeforeAnyWindow() {
        assertEquals(2, run("--kernel", "sideways"));
        assertTrue(err.toString().startsWith("netlens: unknown --kernel 'sideways'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void aTlsCertificateWithoutItsKeyIsRefusedBeforeAnyWindow() {
        assertEquals(2, run("--tlscert", "/nonexistent/cert.pem"));
        assertTrue(err.toString().contains("--tlscert and --tlskey go together"), err.toString());
    }
}

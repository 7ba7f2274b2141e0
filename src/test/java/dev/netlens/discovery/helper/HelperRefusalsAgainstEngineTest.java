package dev.netlens.discovery.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.snapshot.Host;
import dev.netlens.testing.CapabilityLimitedEngine;
import dev.netlens.testing.EngineTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The helper's refusals, caused for real on an engine of the test's own whose capability bounding set
 * lacks SYS_PTRACE (as a hardened host's would): with no image for the helper, and with an image but
 * the engine refusing to start a container with the helper's capabilities. Either way the engine keeps
 * its API-only view, its host says why in one line, no stack trace reaches the user, and no helper
 * container is left.
 */
@EngineTest
class HelperRefusalsAgainstEngineTest {
    private static final CapabilityLimitedEngine ENGINE = new CapabilityLimitedEngine();
    private static final String API_ONLY = "nlcaps-api-view";

    @BeforeAll
    static void startEngine() throws Exception {
        ENGINE.start();
    }

    @AfterAll
    static void stopEngine() throws Exception {
        ENGINE.stop();
    }

    @AfterEach
    void noHelperIsLeft() throws Exception {
        assertEquals("", ENGINE.docker("ps", "-aq", "--filter", "label=" + HelperContainer.LABEL + "=1").strip(),
                "a helper container was left");
    }

    private static Host discoverWithHelper() {
        try (Discovery discovery = Discovery.local(new KernelOptions(KernelMode.HELPER, true, null, n -> { }))) {
            DiscoveryResult result = discovery.discover(List.of(CapabilityLimitedEngine.HOST));
            assertEquals(List.of(), result.failures());
            return result.snapshot().hosts().get(0);
        }
    }

    @Test
    void anEngineWithNoImageForTheHelperKeepsItsApiViewWithTheReason() throws Exception {
        for (String image : ENGINE.docker("images", "-q").lines().filter(l -> !l.isBlank()).distinct().toList()) {
            ENGINE.docker("rmi", "-f", image);
        }
        Host host = discoverWithHelper();
        assertFalse(host.kernelView());
        assertEquals(List.of("kernel view unavailable: no image for a helper container on this engine (busybox, alpine,"
                + " debian or ubuntu), and the helper never pulls one: name one the engine has with --kernel-helper=IMAGE"),
                host.missing());
    }

    @Test
    void anEngineThatRefusesTheCapabilitiesKeepsItsApiViewWithItsOwnReasonInOneLine() throws Exception {
        ENGINE.loadLabImage();
        ENGINE.docker("rm", "-f", API_ONLY);
        ENGINE.docker("create", "--name", API_ONLY, "--network", "none", "netlens/busybox:lab", "sleep", "1");
        try (Discovery discovery = Discovery.local(new KernelOptions(KernelMode.HELPER, true, null, n -> { }))) {
            DiscoveryResult result = discovery.discover(List.of(CapabilityLimitedEngine.HOST));
            Host host = result.snapshot().hosts().get(0);
            assertFalse(host.kernelView());
            assertTrue(result.snapshot().containers().stream().anyMatch(c -> c.name().equals(API_ONLY)),
                    "the API-only view stays");
            assertEquals(1, host.missing().size(), host.missing().toString());
            String reason = host.missing().get(0);
            assertTrue(reason.startsWith("kernel view unavailable: the engine refused to start the helper container"
                    + " (capabilities SYS_ADMIN, SYS_CHROOT, SYS_PTRACE, NET_ADMIN, host pid and network): "), reason);
            assertTrue(reason.contains("unable to apply caps: operation not permitted"), reason);
            assertFalse(reason.contains("\n") || reason.contains("Exception"), reason);
        }
    }

    @Test
    void theCommandLineTellsTheRefusalInOneLineAndStillWritesTheApiView() throws Exception {
        ENGINE.loadLabImage();
        Path out = Files.createTempFile("nlcaps", ".json");
        StringWriter err = new StringWriter();
        try {
            String[] args = {"export", "--format", "json", "--output", out.toString(), "--kernel", "helper",
                    "--host", CapabilityLimitedEngine.HOST};
            var cli = dev.netlens.cli.NetlensCommand.commandLine(args);
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            assertEquals(0, cli.execute(args), err.toString());
            assertTrue(Files.size(out) > 0);
        } finally {
            Files.deleteIfExists(out);
        }
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("netlens export: engine " + CapabilityLimitedEngine.HOST
                + ": kernel view unavailable: the engine refused to start the helper container"), lines.get(0));
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err.toString());
    }
}

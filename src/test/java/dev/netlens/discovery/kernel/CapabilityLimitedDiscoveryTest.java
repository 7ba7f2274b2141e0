package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery (netlens export) under a limited capability set, as README states it: a user other than
 * root with CAP_SYS_ADMIN, CAP_SYS_PTRACE, CAP_DAC_READ_SEARCH and CAP_NET_ADMIN (and the docker group
 * for the socket) reads the whole kernel view and firewall; root with CAP_SYS_ADMIN alone is told
 * what it lacks instead of failing on each namespace. Needs root, setpriv and the lab engine.
 */
@EngineTest
class CapabilityLimitedDiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path dir;

    @BeforeEach
    void openDirectory() throws Exception {
        dir = Files.createTempDirectory("nlhard-caps");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void removeDirectory() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** netlens export --format json under setpriv; the snapshot's first host. */
    private JsonNode exportHost(List<String> setpriv) throws Exception {
        Path out = dir.resolve("out.json");
        List<String> argv = new ArrayList<>(List.of("setpriv"));
        argv.addAll(setpriv);
        argv.addAll(List.of("--", "env", "HOME=" + dir, ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.netlens.Launcher",
                "export", "--format", "json", "--output", out.toString(), "--host", Lab.ENGINE1));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), printed);
        return JSON.readTree(out.toFile()).path("hosts").get(0);
    }

    private static int dockerGroup() throws Exception {
        for (String line : Files.readAllLines(Path.of("/etc/group"))) {
            if (line.startsWith("docker:")) {
                return Integer.parseInt(line.split(":")[2]);
            }
        }
        throw new AssertionError("no docker group");
    }

    @Test
    void aUserWithTheFourCapabilitiesReadsTheKernelViewAndTheFirewall() throws Exception {
        String caps = "-all,+sys_admin,+sys_ptrace,+dac_read_search,+net_admin";
        JsonNode host = exportHost(List.of("--reuid=65534", "--regid=65534", "--groups=" + dockerGroup(),
                "--inh-caps=" + caps, "--ambient-caps=" + caps, "--bounding-set=" + caps));
        assertTrue(host.path("kernelView").asBoolean(), host.toString());
        // Other work on the shared engine may leave a stale namespace file for a moment: what counts is
        // that nothing was refused for want of a permission.
        String missing = host.path("missing").toString();
        assertFalse(missing.contains("ermission denied") || missing.contains("not permitted")
                || missing.contains("must be root") || missing.contains("unavailable"), missing);
        assertTrue(host.path("firewall").path("iptablesSave").asText().contains("*filter"), "firewall read");
    }

    @Test
    void rootWithSysAdminAloneIsToldWhatItLacks() throws Exception {
        JsonNode host = exportHost(List.of("--inh-caps=-all,+sys_admin", "--bounding-set=-all,+sys_admin"));
        assertFalse(host.path("kernelView").asBoolean());
        String missing = host.path("missing").toString();
        assertTrue(missing.contains("root without CAP_SYS_PTRACE"), missing);
        assertFalse(missing.contains("Permission denied"), missing);
    }
}

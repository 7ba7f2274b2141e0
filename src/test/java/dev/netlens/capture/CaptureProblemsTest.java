package dev.netlens.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a capture cannot start, each in one line, before any process runs; and tcpdump's own words, mapped. */
class CaptureProblemsTest {
    @TempDir
    Path temp;

    private CaptureRequest request(String namespaceFile) {
        return new CaptureRequest("eth0 of nlcap-a on vm", namespaceFile, "eth0", "", 1, null, temp.resolve("out.pcap"));
    }

    private CaptureException startWith(CaptureTools tools, String namespaceFile) {
        return assertThrows(CaptureException.class, () -> CaptureSession.start(request(namespaceFile), tools));
    }

    @Test
    void aMissingTcpdumpSaysHowToInstallIt() {
        CaptureException e = startWith(new CaptureTools(Path.of("/usr/bin/nsenter"), null, true), "/proc/self/ns/net");
        assertEquals("tcpdump is not installed: install it (Debian/Ubuntu: apt-get install tcpdump) to capture", e.getMessage());
        assertFalse(Files.exists(temp.resolve("out.pcap")));
    }

    @Test
    void aMissingNsenterOrNoRootIsSaidSo() {
        assertEquals(CaptureException.Problem.NO_NSENTER,
                startWith(new CaptureTools(null, Path.of("/usr/bin/tcpdump"), true), "/proc/self/ns/net").problem());
        CaptureException e = startWith(new CaptureTools(Path.of("/usr/bin/nsenter"), Path.of("/usr/bin/tcpdump"), false),
                "/proc/self/ns/net");
        assertEquals("capturing needs root: run Netlens as root (sudo) to record a namespace's packets", e.getMessage());
    }

    @Test
    void aVanishedNamespaceFileIsSaidSoAndNothingIsWritten() {
        CaptureException e = startWith(new CaptureTools(Path.of("/usr/bin/nsenter"), Path.of("/usr/bin/tcpdump"), true),
                temp.resolve("gone").toString());
        assertEquals("the namespace of eth0 of nlcap-a on vm is gone (its container stopped or its network was removed)",
                e.getMessage());
        assertEquals(List.of(), list(temp));
    }

    @Test
    void tcpdumpAndNsenterErrorsBecomeKnownProblems() {
        CaptureRequest r = request("/x");
        assertEquals(CaptureException.Problem.NO_INTERFACE,
                CaptureSession.problemOf(List.of("tcpdump: eth0: No such device exists", "(No such device exists)"), r, null).problem());
        assertEquals("interface eth0 does not exist there any more",
                CaptureSession.problemOf(List.of("tcpdump: eth0: No such device exists"), r, null).getMessage());
        assertEquals(CaptureException.Problem.NO_NAMESPACE, CaptureSession.problemOf(
                List.of("nsenter: cannot open /var/run/docker/netns/x: No such file or directory"), r, null).problem());
        assertEquals(CaptureException.Problem.NO_NAMESPACE, CaptureSession.problemOf(
                List.of("nsenter: reassociate to namespace 'ns/net' failed: Invalid argument"), r, null).problem());
        assertEquals("the filter is not valid: syntax error", CaptureSession.problemOf(
                List.of("Warning: assuming Ethernet", "tcpdump: can't parse filter expression: syntax error"), r, null).getMessage());
        assertEquals(CaptureException.Problem.NOT_ROOT, CaptureSession.problemOf(
                List.of("tcpdump: eth0: You don't have permission to capture on that device", "(socket: Operation not permitted)"),
                r, null).problem());
        assertEquals("tcpdump failed: it ended without saying why", CaptureSession.problemOf(List.of(), r, null).getMessage());
        assertEquals("tcpdump failed: tcpdump did not start listening within 15 s",
                CaptureSession.problemOf(List.of(), r, "tcpdump did not start listening within 15 s").getMessage());
    }

    @Test
    void limitsMustBeSensible() {
        assertThrows(IllegalArgumentException.class,
                () -> new CaptureRequest("x", "/x", "eth0", "", -1, null, temp.resolve("o")));
        assertThrows(IllegalArgumentException.class,
                () -> new CaptureRequest("x", "/x", "eth0", "", 0, Duration.ZERO, temp.resolve("o")));
    }

    private static List<Path> list(Path dir) {
        try (var s = Files.list(dir)) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

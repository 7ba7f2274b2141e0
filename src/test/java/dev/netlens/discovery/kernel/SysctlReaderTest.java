package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlReaderTest {
    private static final Path ROUTES = Path.of("src/test/resources/captures/routes");
    private static final Map<String, String> ALL_ON = Map.of("net.ipv4.ip_forward", "1",
            "net.bridge.bridge-nf-call-iptables", "1", "net.bridge.bridge-nf-call-ip6tables", "1");

    @TempDir
    Path temp;

    /** Answers the nsenter'd grep with a fixed output and exit code, and remembers what it ran. */
    private static final class Grep implements CommandRunner {
        final List<List<String>> ran = new ArrayList<>();
        final CommandResult answer;

        Grep(CommandResult answer) {
            this.answer = answer;
        }

        @Override
        public CommandResult run(List<String> argv) {
            ran.add(argv);
            return answer;
        }

        @Override
        public boolean isAvailable(String program) {
            return true;
        }
    }

    @Test
    void grepOutputOfTheLabGivesEverySetting() throws IOException {
        assertEquals(ALL_ON, SysctlReader.parse(Files.readString(ROUTES.resolve("node2-sysctls.txt"))));
    }

    @Test
    void engineInAnotherNamespaceIsReadByOneGrepEnteredThere() throws IOException {
        Grep grep = new Grep(new CommandResult(0, Files.readString(ROUTES.resolve("node2-sysctls.txt")), ""));
        EngineProcess node2 = new EngineProcess(42, Path.of("/proc/42/ns/net"), Path.of("/run/node2/exec/netns"), false);
        List<String> problems = new ArrayList<>();
        assertEquals(ALL_ON, new SysctlReader(grep, temp).read(node2, problems));
        assertEquals(List.of(), problems);
        assertEquals(1, grep.ran.size());
        assertEquals(List.of("nsenter", "--net=/proc/42/ns/net", "grep", "-H", "-s", "."), grep.ran.get(0).subList(0, 6));
    }

    @Test
    void withoutBrNetfilterTheBridgeSettingsAreAbsent() {
        // grep exits 2 when files are missing and still prints the ones it read.
        Grep grep = new Grep(new CommandResult(2, "/proc/sys/net/ipv4/ip_forward:1\n", ""));
        EngineProcess engine = new EngineProcess(42, Path.of("/proc/42/ns/net"), Path.of("/x"), false);
        List<String> problems = new ArrayList<>();
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), new SysctlReader(grep, temp).read(engine, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void engineSharingOurNamespaceIsReadFromProcSysDirectly() throws IOException {
        Files.createDirectories(temp.resolve("net/ipv4"));
        Files.writeString(temp.resolve("net/ipv4/ip_forward"), "1\n");
        Grep grep = new Grep(new CommandResult(0, "", ""));
        EngineProcess engine = new EngineProcess(7, Path.of("/proc/7/ns/net"), Path.of("/x"), true);
        List<String> problems = new ArrayList<>();
        assertEquals(Map.of("net.ipv4.ip_forward", "1"), new SysctlReader(grep, temp).read(engine, problems));
        assertTrue(grep.ran.isEmpty(), "no process for our own namespace");
        assertEquals(List.of(), problems);
    }

    @Test
    void missingGrepIsNotedAndGivesNoSettings() {
        CommandRunner none = new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv) throws IOException {
                throw new CommandNotFoundException("grep");
            }

            @Override
            public boolean isAvailable(String program) {
                return false;
            }
        };
        EngineProcess engine = new EngineProcess(42, Path.of("/proc/42/ns/net"), Path.of("/x"), false);
        List<String> problems = new ArrayList<>();
        assertEquals(Map.of(), new SysctlReader(none, temp).read(engine, problems));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("grep is not installed"), problems.toString());
    }
}

package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every command against every failure it can meet: an unreachable engine, a refused pull (node2 has no
 * registry), a bad snapshot, an unwritable output path (a read-only tmpfs) and a full disk (a tmpfs
 * filled up): one line on standard error, the status README documents, no output file, no stack
 * trace. In-process through picocli (fast), and once as a real process for what only a process
 * shows (library logging and JVM warnings on the console). Needs root (mount) and the lab engines.
 *
 * <p>TODO(capture): add `netlens capture` to COMMANDS once it exists (unreachable engine, unwritable
 * output, full disk).
 */
@EngineTest
class CliFailurePathsTest {
    private static final Path LAB = Path.of("src/test/resources/snapshots/lab.json").toAbsolutePath();
    private static final String NOWHERE = "unix:///tmp/nlhard-no-engine.sock";
    private static final Path ROOT = Path.of("/tmp/nlhard-failure-paths");
    private static final Path READ_ONLY = ROOT.resolve("read-only");
    private static final Path FULL = ROOT.resolve("full");
    private static final List<String> TABLE = new ArrayList<>();
    /** A file to write each checked case to, one a line: command, failure, exit status, stderr lines (tab-separated). */
    static final String ROWS_PROPERTY = "netlens.failurePaths.rows";
    private static final List<String> ROWS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A command and where its output goes (null: it writes no file). */
    record Command(String name, List<String> args, String output) {
    }

    @BeforeAll
    static void mountSmallFileSystems() throws Exception {
        unmount();
        Files.createDirectories(READ_ONLY);
        Files.createDirectories(FULL);
        sh("mount", "-t", "tmpfs", "-o", "size=64k,ro", "nlhard-ro", READ_ONLY.toString());
        sh("mount", "-t", "tmpfs", "-o", "size=64k", "nlhard-full", FULL.toString());
        // Fill it: dd stops at "No space left on device" with a non-zero status, as wanted.
        new ProcessBuilder("dd", "if=/dev/zero", "of=" + FULL.resolve("filler"), "bs=4k").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Files.writeString(ROOT.resolve("bad.json"), "{\"schema\": \"netlens.topology/v1\", \"hosts\": [");
    }

    @AfterAll
    static void unmountAndPrintTheTable() throws Exception {
        unmount();
        System.out.println("| command | failure | exit | standard error |\n|---|---|---|---|");
        TABLE.forEach(System.out::println);
        // bench/soak.sh asks for the rows, to write them into docs/benchmarks.md with the soak of the same run.
        String rows = System.getProperty(ROWS_PROPERTY);
        if (rows != null) {
            Files.write(Path.of(rows), ROWS);
        }
    }

    private static void unmount() throws Exception {
        for (Path p : List.of(READ_ONLY, FULL)) {
            new ProcessBuilder("umount", p.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    private static void sh(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
    }

    /** The commands that read a topology, writing to {@code dir}/NAME (or stdout for trace without one). */
    private static List<Command> topologyCommands(Path dir, List<String> source) {
        List<Command> commands = new ArrayList<>();
        for (String format : List.of("json", "dot", "graphml", "png", "svg")) {
            String out = dir.resolve("out." + format).toString();
            List<String> args = new ArrayList<>(List.of("export", "--format", format, "--output", out));
            args.addAll(source);
            commands.add(new Command("export --format " + format, args, out));
        }
        String out = dir.resolve("trace.txt").toString();
        List<String> trace = new ArrayList<>(List.of("trace", "--from", "lab-user-a", "--to", "lab-bridge-a:8080",
                "--output", out));
        trace.addAll(source);
        commands.add(new Command("trace", trace, out));
        return commands;
    }

    private static List<Command> labCommands(String host) {
        return List.of(new Command("lab up", List.of("lab", "up", "--host", host), null),
                new Command("lab down", List.of("lab", "down", "--host", host), null),
                new Command("lab status", List.of("lab", "status", "--host", host), null));
    }

    /** Runs in-process; checks one line, no trace, no output file; returns the exit status. */
    private static int run(Command c, String failure) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = c.args().toArray(String[]::new);
        int status = CliRun.run(out, err, args);
        return check(c, failure, status, err.toString());
    }

    private static int check(Command c, String failure, int status, String err) throws Exception {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        // export from engines: one line per engine skipped, then the outcome; each one line, none a trace.
        assertTrue(!lines.isEmpty(), c.name() + " / " + failure + ": says nothing");
        for (String line : lines) {
            assertTrue(line.startsWith("netlens "), c.name() + " / " + failure + ": not Netlens's own line: " + line);
        }
        assertTrue(!err.contains("Exception") && !err.contains("\tat "), c.name() + " / " + failure + ": a trace: " + err);
        if (c.output() != null) {
            Path o = Path.of(c.output());
            assertTrue(!Files.exists(o), c.name() + " / " + failure + ": left " + o);
            assertTrue(!Files.exists(o.resolveSibling("." + o.getFileName() + ".netlens-tmp")),
                    c.name() + " / " + failure + ": left its temporary file");
        }
        TABLE.add(String.format(Locale.ROOT, "| %s | %s | %d | %s |", c.name(), failure, status,
                String.join(" / ", lines).replace("|", "\\|")));
        ROWS.add(String.join("\t", c.name(), failure, Integer.toString(status), String.join("\t", lines)));
        return status;
    }

    @Test
    void unreachableEngine() throws Exception {
        for (Command c : topologyCommands(ROOT, List.of("--host", NOWHERE))) {
            assertEquals(TopologySource.NO_ENGINE, run(c, "unreachable engine"), c.name());
        }
        for (Command c : labCommands(NOWHERE)) {
            assertEquals(LabCommand.UNREACHABLE, run(c, "unreachable engine"), c.name());
        }
    }

    @Test
    void refusedPull() throws Exception {
        Command up = new Command("lab up", List.of("lab", "up", "--host", Lab.NODE2, "--image", "nlhard-missing:1"), null);
        assertEquals(1, run(up, "refused pull"));
    }

    @Test
    void badSnapshot() throws Exception {
        for (Command c : topologyCommands(ROOT, List.of("--snapshot", ROOT.resolve("bad.json").toString()))) {
            assertEquals(TopologySource.BAD_FILE, run(c, "bad snapshot"), c.name());
        }
    }

    @Test
    void unwritableOutput() throws Exception {
        for (Command c : topologyCommands(READ_ONLY, List.of("--snapshot", LAB.toString()))) {
            assertEquals(OutputFailure.CANNOT_WRITE, run(c, "unwritable output (read-only fs)"), c.name());
        }
    }

    @Test
    void fullDisk() throws Exception {
        for (Command c : topologyCommands(FULL, List.of("--snapshot", LAB.toString()))) {
            assertEquals(OutputFailure.CANNOT_WRITE, run(c, "full disk (tmpfs)"), c.name());
        }
    }

    /** The one that printed docker-java's ERROR line and trace, as a real process: nothing but Netlens's line. */
    @Test
    void aRealProcessPrintsOnlyNetlenssLine() throws Exception {
        List<String> argv = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.netlens.Launcher",
                "lab", "up", "--host", Lab.NODE2, "--image", "nlhard-missing:1");
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("netlens lab up: image nlhard-missing:1 is not on the engine"), err);
        assertEquals(1, p.exitValue());
        check(new Command("lab up (process)", argv, null), "refused pull", p.exitValue(), err);
    }
}

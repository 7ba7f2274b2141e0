package dev.netlens.discovery.helper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.kernel.CommandNotFoundException;
import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.CommandRunner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the kernel reader's commands in the helper, in the engine host's namespaces: each
 * {@code nsenter --net=FILE PROGRAM ARGS} becomes the helper's own nsenter into the engine's mount
 * namespace and that network namespace, running the host's program by its full path. Still an
 * argument list: a namespace file the engine named is one argument, never part of a shell string.
 */
final class HelperCommandRunner implements CommandRunner {
    /** Gives a fixed text to a command's standard input; the text and the command are its arguments. */
    static final String WITH_INPUT = "printf '%s' \"$1\" | { shift; exec \"$@\"; }";
    /**
     * Runs one like command per namespace in a single exec (each exec costs three API calls and a
     * runc exec: most of a helper pass's time). Fixed: the namespace files and the command come as
     * its arguments, never inside it. Arguments: a marker, the commands' input, the nsenter kit, how
     * many namespace files follow, those files, then the command's rest after nsenter's
     * {@code --net=FILE} (its other options, {@code --}, the program and its arguments). Each command's
     * output and errors are framed by marker lines, on both streams, with its exit status after it.
     */
    static final String BATCH = String.join("\n",
            "marker=$1; input=$2; kit=$3; count=$4; shift 4",
            "one() {",
            "  net=$1; shift; shift \"$count\"",
            "  if [ \"$kit\" = busybox ]; then set -- /bin/busybox nsenter \"--net=$net\" \"$@\"",
            "  else set -- /usr/bin/nsenter \"--net=$net\" \"$@\"; fi",
            "  printf '%s' \"$input\" | \"$@\"",
            "}",
            "i=0",
            "for net do",
            "  [ \"$i\" -lt \"$count\" ] || break",
            "  printf '\\n%s %s\\n' \"$marker\" \"$i\"; printf '\\n%s %s\\n' \"$marker\" \"$i\" >&2",
            "  one \"$net\" \"$@\"",
            "  printf '\\n%s %s exit %s\\n' \"$marker\" \"$i\" \"$?\"",
            "  i=$((i + 1))",
            "done",
            "");
    /** Execs a pass's namespaces are split into: two run side by side (the engine host's cores). */
    static final int BATCHES = 2;
    private final HelperContainer container;
    private final String kit;
    private final long pid;
    private final HostTools tools;

    HelperCommandRunner(HelperContainer container, String kit, long pid, HostTools tools) {
        this.container = container;
        this.kit = kit;
        this.pid = pid;
        this.tools = tools;
    }

    @Override
    public CommandResult run(List<String> argv) throws IOException {
        return run(argv, null);
    }

    @Override
    public CommandResult run(List<String> argv, String input) throws IOException {
        return container.exec(translate(argv, input));
    }

    @Override
    public int batches() {
        return BATCHES;
    }

    /**
     * Namespace reads ({@code nsenter --net=FILE PROGRAM ARGS}, the same program and arguments for
     * every file) in one exec of {@link #BATCH}; anything else one exec each.
     */
    @Override
    public List<CommandResult> runBatch(List<List<String>> argvs, String input) throws IOException {
        List<String> rest = argvs.isEmpty() ? null : batchRest(argvs.get(0));
        if (rest == null || argvs.stream().anyMatch(a -> !rest.equals(batchRest(a)))) {
            return CommandRunner.super.runBatch(argvs, input);
        }
        String program = argvs.get(0).get(2);
        String path = tools.path(program).orElseThrow(() -> new CommandNotFoundException(program));
        String marker = "@@netlens-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1);
        List<String> helper = new ArrayList<>(List.of("/bin/sh", "-c", BATCH, "sh", marker, input == null ? "" : input,
                kit, String.valueOf(argvs.size())));
        for (List<String> argv : argvs) {
            helper.add(onHost(argv.get(1).substring("--net=".length())));
        }
        helper.add("--mount=/proc/" + pid + "/ns/mnt");
        helper.add("--");
        helper.add(path);
        helper.addAll(rest.subList(1, rest.size()));
        return split(container.exec(helper), marker, argvs.size());
    }

    /** The program and its arguments of {@code nsenter --net=FILE PROGRAM ARGS}, or null for another command. */
    private static List<String> batchRest(List<String> argv) {
        return argv.size() > 2 && argv.get(0).equals("nsenter") && argv.get(1).startsWith("--net=")
                ? argv.subList(2, argv.size()) : null;
    }

    /** Each command's output, errors and exit status from the batch's framed streams. */
    static List<CommandResult> split(CommandResult batch, String marker, int count) {
        List<StringBuilder> out = frames(batch.stdout(), marker, count);
        List<StringBuilder> err = frames(batch.stderr(), marker, count);
        int[] status = new int[count];
        java.util.Arrays.fill(status, -1);
        for (String line : batch.stdout().lines().toList()) {
            String[] f = line.split(" ");
            if (f.length == 4 && f[0].equals(marker) && f[2].equals("exit")) {
                status[Integer.parseInt(f[1])] = Integer.parseInt(f[3]);
            }
        }
        List<CommandResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String errors = err.get(i).toString();
            if (status[i] == -1 && errors.isBlank()) {
                errors = "the helper's batch ended before this command: " + batch.firstErrorLine();
            }
            results.add(new CommandResult(status[i], out.get(i).toString(), errors));
        }
        return results;
    }

    /** The lines after each {@code MARKER I} line, up to the next marker line. */
    private static List<StringBuilder> frames(String stream, String marker, int count) {
        List<StringBuilder> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new StringBuilder());
        }
        StringBuilder current = null;
        for (String line : stream.lines().toList()) {
            if (line.startsWith(marker + " ")) {
                String[] f = line.split(" ");
                current = f.length == 2 ? frames.get(Integer.parseInt(f[1])) : null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return frames;
    }

    /** The helper's argument list for one of the kernel reader's. */
    List<String> translate(List<String> argv, String input) throws CommandNotFoundException {
        String namespace = "/proc/" + pid + "/ns/net";
        List<String> command = argv;
        if (argv.size() > 1 && argv.get(0).equals("nsenter") && argv.get(1).startsWith("--net=")) {
            namespace = onHost(argv.get(1).substring("--net=".length()));
            command = argv.subList(2, argv.size());
        }
        String program = command.get(0);
        String path = tools.path(program).orElseThrow(() -> new CommandNotFoundException(program));
        List<String> helper = new ArrayList<>();
        if (input != null) {
            helper.addAll(List.of("/bin/sh", "-c", WITH_INPUT, "sh", input));
        }
        helper.addAll(nsenter());
        helper.add("--mount=/proc/" + pid + "/ns/mnt");
        helper.add("--net=" + namespace);
        helper.add("--");
        helper.add(path);
        helper.addAll(command.subList(1, command.size()));
        return helper;
    }

    /** A path of the engine's host as the helper reaches it: through the engine process's root. */
    String onHost(String path) {
        return path.startsWith("/proc/") ? path : "/proc/" + pid + "/root" + path;
    }

    private List<String> nsenter() {
        return kit.equals("busybox") ? List.of("/bin/busybox", "nsenter") : List.of("/usr/bin/nsenter");
    }

    /** The image's own small tools (ls, cat), from busybox or the image's coreutils. */
    List<String> own(String program) {
        return kit.equals("busybox") ? List.of("/bin/busybox", program) : List.of("/bin/" + program);
    }

    /** Runs one of the image's own tools, as given. */
    CommandResult runOwn(List<String> argv) throws IOException {
        return container.exec(argv);
    }

    /** The daemon's JSON config file on the engine's host, if it has one. */
    Optional<JsonNode> readConfig(String path) {
        List<String> cat = new ArrayList<>(own("cat"));
        cat.add(onHost(path));
        try {
            return KernelHelper.parseJson(container.exec(cat));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isAvailable(String program) {
        return tools.path(program).isPresent();
    }
}

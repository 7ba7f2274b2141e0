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

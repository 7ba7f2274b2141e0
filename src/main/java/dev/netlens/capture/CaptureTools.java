package dev.netlens.capture;

import dev.netlens.discovery.kernel.KernelAccess;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The programs a capture runs and whether this process may run them, found as discovery finds its
 * tools: in the system folders first, so a writable folder on a user's PATH never chooses what root runs.
 *
 * @param nsenter the nsenter binary, or null when it is not installed
 * @param tcpdump the tcpdump binary, or null when it is not installed
 * @param root whether this process runs as root (entering a namespace and opening a raw socket need it)
 */
public record CaptureTools(Path nsenter, Path tcpdump, boolean root) {
    /** This machine's tools and this process's identity. */
    public static CaptureTools system() {
        ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(5));
        boolean root;
        try {
            root = KernelAccess.identity(Path.of("/proc/self/status")).root();
        } catch (java.io.IOException | RuntimeException e) {
            root = false;
        }
        return new CaptureTools(runner.binaryOf("nsenter").orElse(null), runner.binaryOf("tcpdump").orElse(null), root);
    }

    /** @throws CaptureException when a tool is missing or this process is not root */
    void check() throws CaptureException {
        if (tcpdump == null) {
            throw new CaptureException(CaptureException.Problem.NO_TCPDUMP, "");
        }
        if (nsenter == null) {
            throw new CaptureException(CaptureException.Problem.NO_NSENTER, "");
        }
        if (!root) {
            throw new CaptureException(CaptureException.Problem.NOT_ROOT, "");
        }
    }

    /**
     * tcpdump in the request's namespace, writing {@code file}: {@code -U} flushes each packet (the
     * file's growth is the live count), {@code -Z root} keeps tcpdump from dropping to its own user
     * before it opens the file, {@code -n} resolves no names (nothing is sent to a resolver).
     */
    public List<String> argv(CaptureRequest request, Path file) throws CaptureException {
        List<String> argv = new java.util.ArrayList<>(List.of(
                String.valueOf(nsenter), "--net=" + request.namespaceFile(),
                String.valueOf(tcpdump), "-i", request.interfaceName(), "-w", file.toString(), "-U", "-n", "-Z", "root"));
        if (request.packetLimit() > 0) {
            argv.addAll(List.of("-c", Integer.toString(request.packetLimit())));
        }
        List<String> words = BpfFilter.words(request.filter());
        if (!words.isEmpty()) {
            argv.add("--");
            argv.addAll(words);
        }
        return argv;
    }

    /** tcpdump compiling the filter only ({@code -d}, no interface opened): a syntax check before a capture starts. */
    public Optional<List<String>> filterCheck(String filter) throws CaptureException {
        List<String> words = BpfFilter.words(filter);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = new java.util.ArrayList<>(List.of(String.valueOf(tcpdump), "-d", "--"));
        argv.addAll(words);
        return Optional.of(argv);
    }
}

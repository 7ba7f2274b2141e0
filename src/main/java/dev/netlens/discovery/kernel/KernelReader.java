package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.FirewallCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads every network namespace of one engine with one {@code ip -j -d addr show} each, entered by
 * {@code nsenter --net=FILE}: nsenter opens the file only for its own short life, so Netlens never
 * holds a namespace open (an open handle would keep a removed namespace alive).
 */
public final class KernelReader {
    static final List<String> IP_ADDR = List.of("ip", "-j", "-d", "addr", "show");
    private final CommandRunner runner;
    private final ExecutorService pool;
    private final NamespaceLister lister;
    private final Path bootIdFile;

    public KernelReader(CommandRunner runner, NamespaceLister lister, ExecutorService pool, Path bootIdFile) {
        this.runner = runner;
        this.lister = lister;
        this.pool = pool;
        this.bootIdFile = bootIdFile;
    }

    /**
     * @param sandboxKeys namespace files the engine reported for its containers (their folders are
     *     read as well as the engine's own netns folder)
     * @throws KernelUnreadableException when not even the engine's own namespace can be read
     */
    public KernelFacts read(EngineProcess engine, Collection<String> sandboxKeys) throws KernelUnreadableException {
        NamespaceDump host;
        try {
            host = readNamespace("host", engine.hostNamespace().toString(), engine.sharesOurNamespace());
        } catch (NamespaceReadException e) {
            throw new KernelUnreadableException("kernel view unavailable: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<Future<NamespaceDump>> pending = new ArrayList<>();
        List<Path> files = namespaceFiles(engine.netnsDir(), sandboxKeys, problems);
        for (Path file : files) {
            pending.add(pool.submit(() -> readNamespace(file.getFileName().toString(), file.toString(), false)));
        }
        List<NamespaceDump> sandboxes = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            try {
                sandboxes.add(pending.get(i).get());
            } catch (ExecutionException e) {
                problems.add(e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KernelUnreadableException("kernel view unavailable: interrupted");
            }
        }
        FirewallCapture firewall = new FirewallReader(runner).read(engine);
        return new KernelFacts(host, sandboxes, firewall, problems, readBootId());
    }

    private NamespaceDump readNamespace(String name, String path, boolean current) throws NamespaceReadException {
        List<String> argv = current ? IP_ADDR : nsenter(path, IP_ADDR);
        CommandResult result;
        try {
            result = runner.run(argv);
        } catch (CommandNotFoundException e) {
            throw new NamespaceReadException(e.program() + " is not installed: cannot read namespace " + name);
        } catch (IOException e) {
            throw new NamespaceReadException("namespace " + name + " could not be read: " + e.getMessage());
        }
        if (!result.ok()) {
            String error = result.firstErrorLine();
            if (error.contains("Invalid argument")) {
                throw new NamespaceReadException("stale namespace file " + path + " (Invalid argument): skipped");
            }
            if (error.contains("No such file")) {
                throw new NamespaceReadException("namespace " + name + " vanished during the scan: skipped");
            }
            throw new NamespaceReadException("namespace " + name + " could not be read: " + error);
        }
        try {
            return new NamespaceDump(name, path, IpAddrParser.parse(result.stdout()));
        } catch (IOException e) {
            throw new NamespaceReadException("namespace " + name + ": unreadable ip output (" + e.getMessage() + ")");
        }
    }

    static List<String> nsenter(String namespaceFile, List<String> command) {
        List<String> argv = new ArrayList<>();
        argv.add("nsenter");
        argv.add("--net=" + namespaceFile);
        argv.addAll(command);
        return argv;
    }

    private List<Path> namespaceFiles(Path netnsDir, Collection<String> sandboxKeys, List<String> problems) {
        Set<Path> dirs = new TreeSet<>();
        dirs.add(netnsDir);
        for (String key : sandboxKeys) {
            if (key != null && !key.isBlank() && Path.of(key).getParent() != null) {
                dirs.add(Path.of(key).getParent());
            }
        }
        Set<Path> files = new TreeSet<>();
        for (Path dir : dirs) {
            try {
                for (Path file : lister.list(dir)) {
                    // "default" is the engine's own namespace, bind-mounted for host-mode containers.
                    if (!file.getFileName().toString().equals("default")) {
                        files.add(file);
                    }
                }
            } catch (IOException e) {
                problems.add("cannot list namespace folder " + dir + ": " + e.getMessage());
            }
        }
        return new ArrayList<>(files);
    }

    private String readBootId() {
        try {
            return Files.readString(bootIdFile).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** One namespace could not be read; the message is user-facing. */
    static final class NamespaceReadException extends Exception {
        private static final long serialVersionUID = 1L;

        NamespaceReadException(String message) {
            super(message);
        }
    }
}

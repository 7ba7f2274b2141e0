package dev.netlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.kernel.CommandNotFoundException;
import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.NamespaceLister;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a recorded scan back: the engine's answers, the commands' outputs, the folder listings and
 * a stand-in /proc. What was not recorded answers as a vanished object would (404, no such file),
 * and single answers can be overridden to cause faults that are hard to cause for real on demand.
 */
public final class ScanReplay {
    private final Path dir;
    private final Set<String> missingPrograms = ConcurrentHashMap.newKeySet();
    private final Set<String> vanishedPaths = ConcurrentHashMap.newKeySet();
    private final Set<String> staleNamespaces = ConcurrentHashMap.newKeySet();
    private volatile Path procRoot;

    public ScanReplay(Path dir) {
        this.dir = dir;
    }

    /** From now on the program counts as not installed. */
    public ScanReplay withoutProgram(String program) {
        missingPrograms.add(program);
        return this;
    }

    /** From now on this API path answers 404, as for a container removed mid-scan. */
    public ScanReplay withVanished(String apiPath) {
        vanishedPaths.add(apiPath);
        return this;
    }

    /** From now on entering this namespace file fails as a stale one does (the real nsenter message). */
    public ScanReplay withStaleNamespace(String namespaceFile) {
        staleNamespaces.add(namespaceFile);
        return this;
    }

    public EngineApi engine(String endpoint) {
        return engine(endpoint, endpoint);
    }

    /**
     * The recorded engine with each answer passed through {@code watch} (the path asked, the recorded
     * answer) first: to count what is asked, or to answer otherwise.
     */
    public EngineApi engine(String endpoint, java.util.function.BiFunction<String, JsonNode, JsonNode> watch) {
        EngineApi recorded = engine(endpoint);
        return new EngineApi() {
            @Override
            public JsonNode get(String path) throws EngineApiException, dev.netlens.discovery.engine.EngineUnreachableException {
                return watch.apply(path, recorded.get(path));
            }

            @Override
            public String endpoint() {
                return recorded.endpoint();
            }

            @Override
            public void close() {
            }
        };
    }

    /** The engine recorded at one endpoint, presented as reached at another (a remote one, say). */
    public EngineApi engine(String recordedEndpoint, String presentedEndpoint) {
        return new EngineApi() {
            @Override
            public JsonNode get(String path) throws EngineApiException {
                JsonNode answer = vanishedPaths.contains(path) ? null : read(ScanFiles.apiKey(recordedEndpoint, path));
                if (answer == null) {
                    throw new EngineApiException(404, "No such object: " + path);
                }
                if (answer.has("error")) {
                    throw new EngineApiException(answer.get("error").get("status").asInt(), answer.get("error").get("message").asText());
                }
                return answer;
            }

            @Override
            public String endpoint() {
                return presentedEndpoint;
            }

            @Override
            public void close() {
            }
        };
    }

    public CommandRunner commands() {
        return new CommandRunner() {
            @Override
            public CommandResult run(List<String> recordedForm) throws IOException {
                return run(recordedForm, null);
            }

            @Override
            public CommandResult run(List<String> recordedForm, String input) throws IOException {
                List<String> argv = asRecorded(recordedForm);
                for (String arg : argv) {
                    if (missingPrograms.contains(arg)) {
                        throw new CommandNotFoundException(arg);
                    }
                }
                if (staleNamespaces.stream().anyMatch(ns -> argv.contains("--net=" + ns))) {
                    return new CommandResult(1, "", "nsenter: reassociate to namespace 'ns/net' failed: Invalid argument\n");
                }
                JsonNode record = read(ScanFiles.commandKey(argv, input));
                if (record == null && input != null) {
                    record = readBeforeRoutes(argv);
                }
                if (record == null) {
                    return new CommandResult(1, "", "nsenter: cannot open " + argv + ": No such file or directory");
                }
                if (record.has("notFound")) {
                    throw new CommandNotFoundException(record.get("notFound").asText());
                }
                return new CommandResult(record.get("exitCode").asInt(), record.get("stdout").asText(), record.get("stderr").asText());
            }

            @Override
            public boolean isAvailable(String program) {
                JsonNode record = read(ScanFiles.commandKey(List.of("which", program)));
                return !missingPrograms.contains(program) && record != null && record.get("available").asBoolean();
            }
        };
    }

    /**
     * A scan recorded before discovery read routes ran {@code ip -j -d addr show} where discovery now
     * runs one {@code ip -j -d -batch -} of addresses and routes: that batch answers with the recorded
     * addresses alone, as an ip printing no routes would. Null when there is no such recording.
     */
    private JsonNode readBeforeRoutes(List<String> argv) {
        List<String> batch = List.of("ip", "-j", "-d", "-batch", "-");
        int at = java.util.Collections.indexOfSubList(argv, batch);
        if (at < 0 || at + batch.size() != argv.size()) {
            return null;
        }
        List<String> addr = new ArrayList<>(argv.subList(0, at));
        addr.addAll(List.of("ip", "-j", "-d", "addr", "show"));
        return read(ScanFiles.commandKey(addr));
    }

    public NamespaceLister lister() {
        return folder -> {
            Path file = dir.resolve(ScanFiles.listKey(folder.toString()));
            List<Path> files = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        files.add(folder.resolve(line));
                    }
                }
            }
            return files;
        };
    }

    /** The recorded /proc (dockerd command lines, namespace links, credentials, boot id), laid out under root. */
    public Path proc(Path root) {
        procRoot = root;
        try {
            copyTree(dir.resolve("proc"), root);
            // Namespace links are stored as text: recreate them as the symbolic links /proc has.
            try (var files = Files.walk(root)) {
                for (Path link : files.filter(p -> p.getFileName().toString().equals("net.link")).toList()) {
                    Files.createSymbolicLink(link.resolveSibling("net"), Path.of(Files.readString(link).strip()));
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Namespace paths under the stand-in /proc were /proc paths when recorded. */
    private List<String> asRecorded(List<String> argv) {
        if (procRoot == null) {
            return argv;
        }
        String prefix = "--net=" + procRoot;
        return argv.stream().map(a -> a.startsWith(prefix) ? "--net=/proc" + a.substring(prefix.length()) : a).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private JsonNode read(String key) {
        Path file = dir.resolve(key);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return ScanFiles.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

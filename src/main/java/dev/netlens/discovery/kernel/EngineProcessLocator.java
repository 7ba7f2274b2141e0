package dev.netlens.discovery.kernel;

import dev.netlens.json.JsonTree;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the dockerd serving a unix socket by reading /proc: its command line names the sockets
 * (-H) and the exec root holding the sandbox namespaces. Engines in other namespaces (a second
 * engine started with nsenter, say) are found the same way.
 */
public final class EngineProcessLocator {
    static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    static final String DEFAULT_EXEC_ROOT = "/var/run/docker";
    private final Path proc;

    public EngineProcessLocator(Path procRoot) {
        this.proc = procRoot;
    }

    public Optional<EngineProcess> find(String socketPath) {
        String wanted = canonical(socketPath);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                Optional<EngineProcess> match = match(dir, wanted);
                if (match.isPresent()) {
                    return match;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The unix sockets every dockerd process on this machine serves, as {@code unix://} URIs (for a
     * swarm's nodes: each is then asked which node it is; none is taken on trust).
     */
    public List<String> sockets() {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                try {
                    List<String> argv = List.of(new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
                    if (!argv.isEmpty() && Path.of(argv.get(0)).getFileName().toString().equals("dockerd")) {
                        DaemonFlags.parse(argv.subList(1, argv.size()), this::readConfigFile).sockets()
                                .forEach(socket -> found.add("unix://" + socket));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended, or is not ours to read
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(found);
    }

    private Optional<EngineProcess> match(Path dir, String wantedSocket) {
        List<String> argv;
        try {
            argv = List.of(new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return Optional.empty(); // the process ended, or is not ours to read
        }
        if (argv.isEmpty() || !Path.of(argv.get(0)).getFileName().toString().equals("dockerd")) {
            return Optional.empty();
        }
        DaemonFlags flags = DaemonFlags.parse(argv.subList(1, argv.size()), this::readConfigFile);
        boolean serves = flags.sockets().stream().map(EngineProcessLocator::canonical).anyMatch(wantedSocket::equals);
        if (!serves) {
            return Optional.empty();
        }
        long pid = Long.parseLong(dir.getFileName().toString());
        Path ns = dir.resolve("ns").resolve("net");
        return Optional.of(new EngineProcess(pid, ns, Path.of(flags.execRoot(), "netns"), sameNamespace(ns)));
    }

    private boolean sameNamespace(Path ns) {
        try {
            return Objects.equals(Files.readSymbolicLink(ns), Files.readSymbolicLink(proc.resolve("self/ns/net")));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private Optional<JsonNode> readConfigFile(String path) {
        try {
            return Optional.ofNullable(JsonTree.parse(Files.readString(Path.of(path))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** /var/run is a link to /run on current systems: compare sockets by their real location. */
    static String canonical(String socket) {
        String path = socket.startsWith("unix://") ? socket.substring("unix://".length()) : socket;
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException e) {
            return path.startsWith("/var/run/") ? path.substring("/var".length()) : path;
        }
    }

    /** The few dockerd flags that say where it listens and keeps its namespaces. */
    record DaemonFlags(List<String> sockets, String execRoot) {
        static DaemonFlags parse(List<String> args, java.util.function.Function<String, Optional<JsonNode>> configReader) {
            List<String> hosts = new ArrayList<>();
            String execRoot = null;
            String configFile = "/etc/docker/daemon.json";
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String value = null;
                String name = arg;
                int eq = arg.indexOf('=');
                if (arg.startsWith("-") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(i + 1);
                }
                switch (name) {
                    case "-H", "--host" -> hosts.add(value);
                    case "--exec-root" -> execRoot = value;
                    case "--config-file" -> configFile = value;
                    default -> {
                        continue;
                    }
                }
                if (eq < 0) {
                    i++;
                }
            }
            Optional<JsonNode> config = configReader.apply(configFile);
            if (hosts.isEmpty() && config.isPresent()) {
                config.get().path("hosts").forEach(h -> hosts.add(h.asText()));
            }
            if (execRoot == null && config.isPresent() && config.get().hasNonNull("exec-root")) {
                execRoot = config.get().get("exec-root").asText();
            }
            List<String> sockets = new ArrayList<>();
            for (String host : hosts) {
                if (host != null && host.startsWith("unix://")) {
                    sockets.add(host.substring("unix://".length()));
                } else if (host != null && host.startsWith("fd://")) {
                    sockets.add(DEFAULT_SOCKET); // systemd socket activation serves the default socket
                }
            }
            if (hosts.isEmpty()) {
                sockets.add(DEFAULT_SOCKET);
            }
            return new DaemonFlags(sockets, execRoot == null ? DEFAULT_EXEC_ROOT : execRoot);
        }
    }
}

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
    static final String DEFAULT_DATA_ROOT = "/var/lib/docker";
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
     * The local dockerd that is this engine, found by what the engine says of itself rather than by
     * its socket: for a socket served by something else (a read-only socket proxy, say) or a TCP
     * address of an engine on this machine. A dockerd matches when its data root is the engine's
     * {@code DockerRootDir}, the swarm node id in that root's {@code swarm/state.json} is the engine's
     * (or neither is in a swarm) and, when it shares our hostname namespace, its name is our hostname.
     *
     * @param info the engine's {@code /info}
     */
    public Optional<EngineProcess> findByIdentity(JsonNode info) {
        String rootDir = info.path("DockerRootDir").asText("");
        if (rootDir.isEmpty()) {
            return Optional.empty();
        }
        String nodeId = info.path("Swarm").path("NodeID").asText("");
        List<EngineProcess> matches = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                List<String> argv = commandLine(dir);
                if (argv.isEmpty() || !Path.of(argv.get(0)).getFileName().toString().equals("dockerd")) {
                    continue;
                }
                DaemonFlags flags = DaemonFlags.parse(argv.subList(1, argv.size()), this::readConfigFile);
                if (!flags.dataRoot().equals(rootDir) || !nodeId.equals(swarmNodeId(dir, flags.dataRoot()))
                        || !sameName(dir, info.path("Name").asText(""))) {
                    continue;
                }
                Path ns = dir.resolve("ns").resolve("net");
                long pid = Long.parseLong(dir.getFileName().toString());
                matches.add(new EngineProcess(pid, ns, Path.of(flags.execRoot(), "netns"), sameNamespace(ns)));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        // Two engines sharing one data root cannot both run: more than one match means we cannot tell.
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * The swarm node id of a dockerd, or "" when it is in no swarm: the common name of its node
     * certificate ({@code swarm/certificates/swarm-node.crt} under its data root).
     */
    private String swarmNodeId(Path dir, String dataRoot) {
        Path cert = dir.resolve("root").resolve(dataRoot.substring(1)).resolve("swarm/certificates/swarm-node.crt");
        if (!Files.isRegularFile(cert)) {
            return "";
        }
        try (java.io.InputStream in = Files.newInputStream(cert)) {
            var x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            for (var rdn : new javax.naming.ldap.LdapName(x509.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
            return "";
        } catch (IOException | java.security.cert.CertificateException | javax.naming.InvalidNameException | RuntimeException e) {
            return "?"; // unreadable: matches no engine
        }
    }

    /** The engine's Name is its host name: compared when the dockerd shares our UTS namespace. */
    private boolean sameName(Path dir, String name) {
        try {
            if (!Objects.equals(Files.readSymbolicLink(dir.resolve("ns/uts")), Files.readSymbolicLink(proc.resolve("self/ns/uts")))) {
                return true;
            }
            return Files.readString(proc.resolve("sys/kernel/hostname")).strip().equals(name);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static List<String> commandLine(Path dir) {
        try {
            return List.of(new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The engine process described by a dockerd command line seen elsewhere (by the kernel helper,
     * inside the engine's machine), its namespace file named from {@code /proc} there.
     *
     * @param configReader reads the daemon's JSON config file, given its path
     */
    public static EngineProcess fromCommandLine(long pid, List<String> args,
            java.util.function.Function<String, Optional<JsonNode>> configReader) {
        DaemonFlags flags = DaemonFlags.parse(args, configReader);
        return new EngineProcess(pid, Path.of("/proc/" + pid + "/ns/net"), Path.of(flags.execRoot(), "netns"), false);
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
    record DaemonFlags(List<String> sockets, String execRoot, String dataRoot) {
        static DaemonFlags parse(List<String> args, java.util.function.Function<String, Optional<JsonNode>> configReader) {
            List<String> hosts = new ArrayList<>();
            String execRoot = null;
            String dataRoot = null;
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
                    case "--data-root", "-g", "--graph" -> dataRoot = value;
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
            if (dataRoot == null && config.isPresent() && config.get().hasNonNull("data-root")) {
                dataRoot = config.get().get("data-root").asText();
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
            return new DaemonFlags(sockets, execRoot == null ? DEFAULT_EXEC_ROOT : execRoot,
                    dataRoot == null ? DEFAULT_DATA_ROOT : dataRoot);
        }
    }
}

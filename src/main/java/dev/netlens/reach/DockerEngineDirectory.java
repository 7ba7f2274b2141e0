package dev.netlens.reach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.engine.DockerContexts;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.discovery.kernel.EngineProcessLocator;
import dev.netlens.discovery.swarm.NodeReach;
import dev.netlens.discovery.swarm.SwarmNode;
import dev.netlens.discovery.swarm.SwarmReach;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine chooser's view of the world, read with the same code the command line uses: the
 * context store through {@link DockerContexts} ({@code --context}), addresses through
 * {@link EngineEndpoints} ({@code --host}), swarms through {@link SwarmReach} ({@code --swarm}).
 * Read-only: one GET /info per probe, GET /info and /nodes per swarm. No JavaFX here.
 */
public final class DockerEngineDirectory implements EngineDirectory {
    private final DockerContexts contexts;
    private final Map<String, String> env;
    private final TlsFiles tls;
    private final Function<String, EngineApi> connector;
    private final Supplier<List<String>> localSockets;

    /**
     * @param env where DOCKER_TLS_VERIFY and DOCKER_CERT_PATH are read for the TLS files check
     * @param tls the files given with --tlscacert, --tlscert, --tlskey (they win over the environment)
     * @param connector how an engine is reached (as discovery reaches it)
     * @param localSockets this machine's dockerd sockets: candidates for a swarm's nodes
     */
    public DockerEngineDirectory(DockerContexts contexts, Map<String, String> env, TlsFiles tls,
            Function<String, EngineApi> connector, Supplier<List<String>> localSockets) {
        this.contexts = contexts;
        this.env = Map.copyOf(env);
        this.tls = tls;
        this.connector = connector;
        this.localSockets = localSockets;
    }

    /** The user's contexts and environment, engines reached as discovery reaches them with these TLS files. */
    public static DockerEngineDirectory fromEnvironment(TlsFiles tls) {
        return new DockerEngineDirectory(DockerContexts.fromEnvironment(), System.getenv(), tls,
                h -> EngineEndpoints.connect(h, Duration.ofSeconds(10), tls), DockerEngineDirectory::dockerdSockets);
    }

    /** The unix sockets of the dockerd processes on this machine. */
    public static List<String> dockerdSockets() {
        return new EngineProcessLocator(Path.of("/proc")).sockets();
    }

    /**
     * What {@code --swarm} does, for the command line and the window alike: the manager's nodes, each
     * with the engine that reported its id; candidates are the engines named ({@code known}) and this
     * machine's dockerd sockets.
     *
     * @param template the user's node address ({@code tcp://{addr}:2375}), or null for the manager's transport
     * @throws IllegalArgumentException when the engine is not a swarm manager
     */
    public static List<NodeReach> swarmPlan(Function<String, EngineApi> connector, String manager, String template,
            Collection<String> known, Supplier<List<String>> localSockets) throws EngineApiException, EngineUnreachableException {
        List<String> candidates = new ArrayList<>(known);
        candidates.addAll(localSockets.get());
        return new SwarmReach(connector).plan(manager, template, candidates);
    }

    @Override
    public ContextListing contexts() {
        DockerContexts.Listing listing = contexts.listing();
        List<String> problems = new ArrayList<>(listing.problems());
        String current = contexts.currentName();
        List<ContextEntry> entries = listing.contexts().stream()
                .map(c -> new ContextEntry(c.name(), c.host(), c.description(), c.name().equals(current))).toList();
        if (entries.stream().noneMatch(ContextEntry::current)) {
            problems.add("the current docker context '" + current + "' is not in " + contexts.configDir().resolve("contexts"));
        }
        return new ContextListing(contexts.configDir().toString(), entries, problems);
    }

    @Override
    public EngineProbe probe(String address) throws ReachProblem {
        String endpoint = checkAddress(address);
        checkTlsFiles(endpoint);
        try (EngineApi api = connector.apply(endpoint)) {
            JsonNode info = api.get("/info");
            return new EngineProbe(endpoint, info.path("Name").asText(""), info.path("ServerVersion").asText(""));
        } catch (EngineUnreachableException e) {
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, e.getMessage());
        } catch (EngineApiException e) {
            throw new ReachProblem(ReachProblem.Kind.ENGINE_ERROR, endpoint + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, e.getMessage());
        } catch (RuntimeException e) {
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, endpoint + ": " + rootMessage(e));
        }
    }

    @Override
    public List<SwarmNodeEntry> swarm(String manager, List<String> known) throws ReachProblem {
        String endpoint = checkAddress(manager);
        checkTlsFiles(endpoint);
        List<NodeReach> plan;
        try {
            plan = swarmPlan(connector, endpoint, null, known, localSockets);
        } catch (EngineUnreachableException e) {
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, e.getMessage());
        } catch (EngineApiException e) {
            throw new ReachProblem(ReachProblem.Kind.ENGINE_ERROR, endpoint + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ReachProblem(ReachProblem.Kind.NOT_A_MANAGER, e.getMessage());
        } catch (RuntimeException e) {
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, endpoint + ": " + rootMessage(e));
        }
        return plan.stream().map(r -> {
            SwarmNode n = r.node();
            return new SwarmNodeEntry(n.id(), n.hostname(), n.address(), n.role(), n.availability(), n.state(),
                    r.endpoint(), r.problem());
        }).toList();
    }

    @Override
    public String endpoint(EngineChoice choice) throws ReachProblem {
        if (choice.kind() == EngineChoice.Kind.CONTEXT) {
            try {
                return contexts.find(choice.value()).host();
            } catch (IllegalArgumentException e) {
                throw new ReachProblem(ReachProblem.Kind.CONTEXT_STORE, e.getMessage());
            }
        }
        String endpoint = checkAddress(choice.value());
        checkTlsFiles(endpoint);
        return EngineEndpoints.resolve(endpoint);
    }

    /**
     * The address, stripped, when Netlens can use it: {@code unix:///PATH}, {@code tcp://HOST:PORT},
     * {@code ssh://[USER@]HOST[:PORT]}.
     */
    static String checkAddress(String address) throws ReachProblem {
        if (address == null || address.isBlank()) {
            throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, "no address given");
        }
        String a = address.strip();
        URI uri;
        try {
            uri = new URI(a);
        } catch (java.net.URISyntaxException e) {
            uri = null; // "unix://", "ssh://": told below as what the scheme needs
        }
        String scheme = a.contains("://") ? a.substring(0, a.indexOf("://")) : "";
        if (uri == null && !List.of("unix", "tcp", "ssh").contains(scheme)) {
            throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, a + ": not an address; use unix://, tcp:// or ssh://");
        }
        switch (scheme) {
            case "unix" -> {
                if (uri == null || uri.getPath() == null || uri.getPath().isBlank() || uri.getPath().equals("/")) {
                    throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, a + ": unix:// needs the socket's path, "
                            + "as in unix:///var/run/docker.sock");
                }
            }
            case "tcp" -> {
                if (uri == null || uri.getHost() == null || uri.getPort() < 0) {
                    throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, a + ": tcp:// needs HOST:PORT, as in tcp://192.0.2.10:2376");
                }
            }
            case "ssh" -> {
                if (uri == null || uri.getHost() == null) {
                    throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, a + ": ssh:// needs [USER@]HOST[:PORT]");
                }
            }
            default -> throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, a + ": use unix://, tcp:// or ssh://");
        }
        return a;
    }

    /**
     * For a TCP address, the TLS files the connection will use must exist: the ones given as options,
     * else those DOCKER_TLS_VERIFY asks for in DOCKER_CERT_PATH (else ~/.docker), as the docker CLI
     * takes them. A context's own TLS folder is checked when it is read.
     */
    void checkTlsFiles(String endpoint) throws ReachProblem {
        if (!endpoint.startsWith("tcp://")) {
            return;
        }
        if (tls.given()) {
            for (Path p : new Path[] {tls.ca(), tls.cert(), tls.key()}) {
                if (p != null && !Files.isRegularFile(p)) {
                    throw new ReachProblem(ReachProblem.Kind.TLS_FILES, "TLS file " + p + " is missing");
                }
            }
            return;
        }
        if (set("DOCKER_TLS_VERIFY")) {
            Path dir = set("DOCKER_CERT_PATH") ? Path.of(env.get("DOCKER_CERT_PATH").strip())
                    : contexts.configDir();
            for (String name : List.of("ca.pem", "cert.pem", "key.pem")) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    throw new ReachProblem(ReachProblem.Kind.TLS_FILES, "DOCKER_TLS_VERIFY is set, but " + dir.resolve(name)
                            + " is missing (DOCKER_CERT_PATH names the folder of ca.pem, cert.pem and key.pem)");
                }
            }
        }
    }

    private boolean set(String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

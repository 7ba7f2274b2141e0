package dev.netlens.discovery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.json.JsonTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's contexts, read from its config folder as the CLI keeps them (no docker command is
 * run): {@code config.json}'s {@code currentContext}, and per context
 * {@code contexts/meta/<sha256 of name>/meta.json} ({@code Endpoints.docker.Host}, {@code SkipTLSVerify})
 * with its TLS files under {@code contexts/tls/<sha256 of name>/docker/}.
 */
public final class DockerContexts {
    /** The context the CLI has when none is chosen: DOCKER_HOST, else the local socket. */
    public static final String DEFAULT = "default";

    /**
     * One context.
     *
     * @param host the engine address ({@code unix://}, {@code tcp://}, {@code ssh://})
     * @param tlsDir the folder holding ca.pem, cert.pem and key.pem, or null when the context has none
     */
    public record Context(String name, String description, String host, boolean skipTlsVerify, Path tlsDir) {
    }

    private final Path configDir;
    private final Map<String, String> env;

    /**
     * @param configDir the docker CLI's config folder (DOCKER_CONFIG, else ~/.docker)
     * @param env the environment to read DOCKER_HOST and DOCKER_CONTEXT from
     */
    public DockerContexts(Path configDir, Map<String, String> env) {
        this.configDir = configDir;
        this.env = env;
    }

    /** The docker CLI's config folder read here. */
    public Path configDir() {
        return configDir;
    }

    /** The contexts of this process's user and environment. */
    public static DockerContexts fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static DockerContexts of(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return new DockerContexts(dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker"), env);
    }

    /**
     * The context the docker CLI would use with no --context: none while DOCKER_HOST is set (it wins,
     * as in the CLI), else DOCKER_CONTEXT, else config.json's currentContext, else "default".
     */
    public String currentName() {
        if (set("DOCKER_HOST")) {
            return DEFAULT;
        }
        if (set("DOCKER_CONTEXT")) {
            return env.get("DOCKER_CONTEXT").strip();
        }
        Path config = configDir.resolve("config.json");
        if (Files.isReadable(config)) {
            try {
                String current = JsonTree.parse(Files.readAllBytes(config)).path("currentContext").asText("");
                if (!current.isBlank()) {
                    return current;
                }
            } catch (IOException e) {
                // an unreadable config names no context, as for the CLI with a broken file
            }
        }
        return DEFAULT;
    }

    /** Every context in the store, "default" first, the others by name. Unreadable entries are left out. */
    public List<Context> list() {
        return listing().contexts();
    }

    /**
     * What {@link #list()} returns, with a one-line reason for each entry left out and for a store
     * that cannot be read (the window's engine chooser says them; the CLI's listing stays quiet).
     */
    public record Listing(List<Context> contexts, List<String> problems) {
        public Listing {
            contexts = List.copyOf(contexts);
            problems = List.copyOf(problems);
        }
    }

    /** The contexts and, for each entry that could not be read, why. */
    public Listing listing() {
        List<Context> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        found.add(defaultContext());
        Path meta = configDir.resolve("contexts").resolve("meta");
        if (Files.isDirectory(meta)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(meta)) {
                for (Path dir : dirs) {
                    try {
                        read(dir.resolve("meta.json")).filter(c -> !c.name().equals(DEFAULT)).ifPresent(found::add);
                    } catch (IOException e) {
                        problems.add(e.getMessage()); // one broken context does not hide the others
                    }
                }
            } catch (IOException e) {
                problems.add("the docker context store " + meta + " cannot be read"); // the default context alone
            }
        }
        found.subList(1, found.size()).sort(Comparator.comparing(Context::name));
        return new Listing(found, problems);
    }

    /**
     * The context of that name.
     *
     * @throws IllegalArgumentException when there is none, or its entry cannot be read (a one-line reason)
     */
    public Context find(String name) {
        if (name.equals(DEFAULT)) {
            return defaultContext();
        }
        Path file = configDir.resolve("contexts").resolve("meta").resolve(sha256(name)).resolve("meta.json");
        try {
            return read(file).orElseThrow(() -> new IllegalArgumentException("no docker context named '" + name
                    + "' (looked in " + configDir.resolve("contexts") + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("docker context '" + name + "' cannot be read: " + e.getMessage());
        }
    }

    /** The current context, as {@link #currentName()} names it. */
    public Context current() {
        return find(currentName());
    }

    private Context defaultContext() {
        String host = set("DOCKER_HOST") ? env.get("DOCKER_HOST").strip() : EngineEndpoints.DEFAULT_SOCKET;
        return new Context(DEFAULT, "DOCKER_HOST, else the local socket", host, false, null);
    }

    private Optional<Context> read(Path metaFile) throws IOException {
        if (!Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(metaFile);
        } catch (IOException e) {
            throw new IOException(metaFile + " cannot be read");
        }
        JsonNode meta;
        try {
            meta = JsonTree.parse(bytes);
        } catch (IOException e) {
            throw new IOException(metaFile + " is not JSON");
        }
        String name = meta.path("Name").asText("");
        JsonNode docker = meta.path("Endpoints").path("docker");
        String host = docker.path("Host").asText("");
        if (name.isBlank() || host.isBlank()) {
            throw new IOException(metaFile + " names no docker endpoint");
        }
        Path tls = configDir.resolve("contexts").resolve("tls").resolve(sha256(name)).resolve("docker");
        boolean hasTls = Files.isRegularFile(tls.resolve("ca.pem")) || Files.isRegularFile(tls.resolve("cert.pem"));
        return Optional.of(new Context(name, meta.path("Metadata").path("Description").asText(""), host,
                docker.path("SkipTLSVerify").asBoolean(false), hasTls ? tls : null));
    }

    private boolean set(String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }

    /** The store's folder name for a context: the hex SHA-256 of its name. */
    public static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

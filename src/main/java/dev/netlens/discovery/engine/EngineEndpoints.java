package dev.netlens.discovery.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Which engine a --host value (or none) means, and the API client that fits its address. */
public final class EngineEndpoints {
    static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    private EngineEndpoints() {
    }

    /**
     * The engine URI for a --host value: the value itself, else DOCKER_HOST, else the current
     * docker context (resolved by docker-java), else the local socket.
     */
    public static String resolve(String host) {
        if (host != null && !host.isBlank()) {
            return host;
        }
        String env = System.getenv("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (System.getenv("DOCKER_CONTEXT") != null || usesContext()) {
            return DockerHttpEngineApi.resolveHost(null).toString();
        }
        return DEFAULT_SOCKET;
    }

    /** A unix socket is spoken to directly; TCP and TLS go through docker-java. */
    public static EngineApi connect(String host, Duration timeout) {
        return connect(host, timeout, TlsFiles.NONE);
    }

    /** As {@link #connect(String, Duration)}, with the TLS files given on the command line. */
    public static EngineApi connect(String host, Duration timeout, TlsFiles tls) {
        String endpoint = resolve(host);
        if (endpoint.startsWith("unix://")) {
            return new UnixSocketEngineApi(endpoint, timeout);
        }
        return DockerHttpEngineApi.connect(endpoint, timeout, tls);
    }

    /** Whether the docker CLI's config names a current context other than the default. */
    private static boolean usesContext() {
        String dir = System.getenv("DOCKER_CONFIG");
        Path config = dir != null ? Path.of(dir, "config.json") : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        try {
            return Files.isReadable(config) && Files.readString(config).contains("\"currentContext\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

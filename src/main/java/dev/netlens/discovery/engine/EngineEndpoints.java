package dev.netlens.discovery.engine;

import java.time.Duration;
import java.util.Optional;

/** Which engine a --host value (or none) means, and the API client that fits its address. */
public final class EngineEndpoints {
    static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    private EngineEndpoints() {
    }

    /**
     * The engine URI for a --host value: the value itself, else what the docker CLI would use:
     * DOCKER_HOST, else the current docker context (DOCKER_CONTEXT, else config.json's), else the
     * local socket ({@link DockerContexts}).
     *
     * @throws IllegalArgumentException when the current context is named but not in the store
     */
    public static String resolve(String host) {
        if (host != null && !host.isBlank()) {
            return host;
        }
        return DockerContexts.fromEnvironment().current().host();
    }

    /**
     * The engine URI of a docker context ({@code --context NAME}).
     *
     * @throws IllegalArgumentException when there is no such context (a one-line reason)
     */
    public static String forContext(String name) {
        return DockerContexts.fromEnvironment().find(name).host();
    }

    /**
     * A unix socket and ssh are spoken to by Netlens's own HTTP client; TCP and TLS go through
     * docker-java, with a docker context's TLS files when the address is that context's and no
     * DOCKER_CERT_PATH says otherwise.
     */
    public static EngineApi connect(String host, Duration timeout) {
        return connect(host, timeout, TlsFiles.NONE);
    }

    /** As {@link #connect(String, Duration)}, with the TLS files given on the command line. */
    public static EngineApi connect(String host, Duration timeout, TlsFiles tls) {
        String endpoint = resolve(host);
        if (endpoint.startsWith("unix://")) {
            return new UnixSocketEngineApi(endpoint, timeout);
        }
        if (endpoint.startsWith("ssh://")) {
            return new SshEngineApi(endpoint, timeout);
        }
        if (tls.given()) {
            return DockerHttpEngineApi.connect(endpoint, timeout, tls);
        }
        Optional<DockerContexts.Context> context = System.getenv("DOCKER_CERT_PATH") == null
                ? contextWithTls(endpoint) : Optional.empty();
        if (context.isPresent()) {
            if (context.get().skipTlsVerify()) {
                throw new IllegalArgumentException("docker context '" + context.get().name()
                        + "' skips TLS verification, which Netlens does not do");
            }
            return DockerHttpEngineApi.connect(endpoint, context.get().tlsDir(), timeout);
        }
        return DockerHttpEngineApi.connect(endpoint, timeout);
    }

    /** The docker context for this address that carries TLS files, if any. */
    private static Optional<DockerContexts.Context> contextWithTls(String endpoint) {
        return DockerContexts.fromEnvironment().list().stream()
                .filter(c -> c.tlsDir() != null && c.host().equals(endpoint))
                .findFirst();
    }
}

package dev.netlens.discovery.engine;

import dev.netlens.json.JsonTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/**
 * The one place docker-java is used for requests: its zerodep transport speaks to unix sockets and
 * TCP with TLS, honouring DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH. Only GETs are sent,
 * so Netlens stays read-only toward the engine.
 */
public final class DockerHttpEngineApi implements EngineApi, EngineWrites {
    private final String endpoint;
    private final DockerHttpClient http;

    private DockerHttpEngineApi(String endpoint, DockerHttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /**
     * @param host the engine URI, or null for DOCKER_HOST (else the local socket)
     * @param responseTimeout how long one call may take before the engine counts as gone
     */
    public static DockerHttpEngineApi connect(String host, Duration responseTimeout) {
        return connect(host, responseTimeout, TlsFiles.NONE);
    }

    /** As {@link #connect(String, Duration)}, with TLS files named one by one (they win over DOCKER_CERT_PATH). */
    public static DockerHttpEngineApi connect(String host, Duration responseTimeout, TlsFiles tls) {
        return connect(clientConfig(host), responseTimeout, tls);
    }

    /**
     * An engine over TLS with the certificates of a docker context (ca.pem, cert.pem, key.pem in
     * {@code certDir}), verified as the docker CLI verifies them.
     */
    public static DockerHttpEngineApi connect(String host, java.nio.file.Path certDir, Duration responseTimeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(true)
                .withDockerCertPath(certDir.toString())
                .build();
        return connect(config, responseTimeout, TlsFiles.NONE);
    }

    private static DockerHttpEngineApi connect(DockerClientConfig config, Duration responseTimeout, TlsFiles tls) {
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(tls.given() ? tls.sslConfig() : config.getSSLConfig())
                .maxConnections(16)
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(responseTimeout)
                .build();
        return new DockerHttpEngineApi(config.getDockerHost().toString(), http);
    }

    /** The engine URI Netlens will use for a --host value (null: DOCKER_HOST, else the local socket). */
    public static URI resolveHost(String host) {
        return clientConfig(host).getDockerHost();
    }

    private static DockerClientConfig clientConfig(String host) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null && !host.isBlank()) {
            builder.withDockerHost(host);
        }
        return builder.build();
    }

    @Override
    public JsonNode get(String path) throws EngineApiException, EngineUnreachableException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient.Response response = http.execute(request);
             InputStream body = response.getBody()) {
            int status = response.getStatusCode();
            JsonNode json = JsonTree.parse(body);
            if (status >= 400) {
                String message = json != null && json.hasNonNull("message") ? json.get("message").asText() : "HTTP " + status;
                throw new EngineApiException(status, message);
            }
            return json;
        } catch (IOException | RuntimeException e) {
            throw new EngineUnreachableException("engine " + endpoint + " did not answer " + path + ": " + rootMessage(e), e);
        }
    }

    @Override
    public Answer send(String method, String path, String jsonBody) throws EngineUnreachableException {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.valueOf(method))
                .path(path);
        if (jsonBody != null) {
            request.putHeader("Content-Type", "application/json")
                    .bodyBytes(jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (DockerHttpClient.Response response = http.execute(request.build());
             InputStream body = response.getBody()) {
            return new Answer(response.getStatusCode(), body.readAllBytes());
        } catch (IOException | RuntimeException e) {
            throw new EngineUnreachableException("engine " + endpoint + " did not answer " + method + " " + path + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing a dead connection has nothing left to tell
        }
    }
}

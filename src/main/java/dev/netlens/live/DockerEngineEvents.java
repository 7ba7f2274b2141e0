package dev.netlens.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's {@code /events} stream, each on a client of its own: a long-lived stream must not
 * hold a connection of the pool the other calls use (zerodep's pool runs dry under long streams).
 */
public final class DockerEngineEvents implements EngineEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER = URLEncoder.encode("{\"type\":[\"container\",\"network\"]}", StandardCharsets.UTF_8);
    private final Set<DockerHttpClient> open = ConcurrentHashMap.newKeySet();
    private final Set<InputStream> openSsh = ConcurrentHashMap.newKeySet();

    @Override
    public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
        if (endpoint != null && endpoint.startsWith("ssh://")) {
            streamOverSsh(endpoint, onConnected, onEvent);
            return;
        }
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (endpoint != null) {
            builder.withDockerHost(endpoint);
        }
        DockerClientConfig config = builder.build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(1)
                .connectionTimeout(Duration.ofSeconds(3))
                .build();
        open.add(http);
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/events?filters=" + FILTER)
                .build();
        try (DockerHttpClient.Response response = http.execute(request);
             InputStream body = response.getBody()) {
            if (response.getStatusCode() >= 400) {
                throw new IOException("engine refused the event stream: HTTP " + response.getStatusCode());
            }
            onConnected.run();
            try (MappingIterator<JsonNode> events = JSON.readerFor(JsonNode.class).readValues(body)) {
                while (events.hasNextValue()) {
                    onEvent.accept(events.nextValue());
                }
            }
        } catch (RuntimeException e) {
            // docker-java wraps transport failures in unchecked exceptions.
            throw new IOException(e.getMessage(), e);
        } finally {
            open.remove(http);
            http.close();
        }
    }

    /** ssh:// engines: docker-java has no ssh transport; Netlens's own client streams the events. */
    private void streamOverSsh(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
        InputStream body;
        try (var api = new dev.netlens.discovery.engine.SshEngineApi(endpoint, Duration.ofSeconds(10))) {
            body = api.stream("/events?filters=" + FILTER);
        }
        openSsh.add(body);
        try (body) {
            onConnected.run(); // the engine answered the subscription's header
            MappingIterator<JsonNode> events = JSON.readerFor(JsonNode.class).readValues(body);
            while (events.hasNextValue()) {
                onEvent.accept(events.nextValue());
            }
        } finally {
            openSsh.remove(body);
        }
    }

    @Override
    public void closeAll() {
        for (InputStream ssh : openSsh) {
            try {
                ssh.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        for (DockerHttpClient http : open) {
            try {
                http.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}

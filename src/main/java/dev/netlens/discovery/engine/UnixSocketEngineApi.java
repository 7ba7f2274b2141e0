package dev.netlens.discovery.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * GETs from a local engine's unix socket with plain HTTP/1.1 ({@link HttpOverStream}), one short
 * connection per request.
 * Why not docker-java's transport here: building it loads and initialises its TLS stack even for a
 * unix socket, about a third of a one-shot export's time (docs/benchmarks.md). Remote and TLS
 * engines still go through docker-java ({@link DockerHttpEngineApi}).
 */
public final class UnixSocketEngineApi implements EngineApi, EngineWrites {
    private final HttpOverStream http;

    public UnixSocketEngineApi(String endpoint, Duration timeout) {
        Path socket = Path.of(endpoint.substring("unix://".length()));
        this.http = new HttpOverStream(endpoint, timeout, () -> SocketStream.connect(socket));
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode get(String path) throws EngineApiException, EngineUnreachableException {
        return http.get(path);
    }

    /** A write, only ever for what the user asked (the kernel helper): see {@link EngineWrites}. */
    @Override
    public Answer send(String method, String path, String jsonBody) throws EngineUnreachableException {
        // An empty body still says its length (Content-Length: 0), as a POST without one should.
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] response = http.exchange(method, path, "application/json", body);
        try {
            HttpOverStream.HttpResponse answer = HttpOverStream.HttpResponse.parse(response);
            return new Answer(answer.status(), answer.body());
        } catch (IOException e) {
            throw new EngineUnreachableException("engine " + endpoint() + " sent a broken answer to " + path + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String endpoint() {
        return http.endpoint();
    }

    @Override
    public void close() {
        // one connection per request: nothing is held open
    }

    /** One connection to a unix socket. */
    private record SocketStream(SocketChannel channel) implements EngineStream {
        static SocketStream connect(Path socket) throws IOException {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return new SocketStream(channel);
        }

        @Override
        public InputStream input() {
            return Channels.newInputStream(channel);
        }

        @Override
        public OutputStream output() {
            return Channels.newOutputStream(channel);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}

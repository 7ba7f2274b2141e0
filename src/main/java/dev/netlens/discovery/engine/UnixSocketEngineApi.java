package dev.netlens.discovery.engine;

import dev.netlens.json.JsonTree;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * GETs from a local engine's unix socket with plain HTTP/1.1, one short connection per request.
 * Why not docker-java's transport here: building it loads and initialises its TLS stack even for a
 * unix socket, about a third of a one-shot export's time (docs/benchmarks.md). Remote and TLS
 * engines still go through docker-java ({@link DockerHttpEngineApi}).
 */
public final class UnixSocketEngineApi implements EngineApi, EngineWrites {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netlens-engine-timeout");
        t.setDaemon(true);
        return t;
    });
    private final String endpoint;
    private final Path socket;
    private final Duration timeout;

    public UnixSocketEngineApi(String endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.socket = Path.of(endpoint.substring("unix://".length()));
        this.timeout = timeout;
    }

    @Override
    public JsonNode get(String path) throws EngineApiException, EngineUnreachableException {
        byte[] response;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A stuck engine must not hang discovery: closing the channel ends a blocked read.
            ScheduledFuture<?> deadline = TIMER.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                String request = "GET " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: netlens\r\n"
                        + "Accept: application/json\r\nConnection: close\r\n\r\n";
                channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
                try (InputStream in = Channels.newInputStream(channel)) {
                    response = in.readAllBytes();
                }
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException e) {
            throw new EngineUnreachableException("engine " + endpoint + " did not answer " + path + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return parse(path, response);
    }

    @Override
    public Answer send(String method, String path, String jsonBody) throws EngineUnreachableException {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        byte[] response;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> deadline = TIMER.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: netlens\r\n"
                        + (jsonBody == null ? "" : "Content-Type: application/json\r\n")
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
                channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
                channel.write(ByteBuffer.wrap(body));
                try (InputStream in = Channels.newInputStream(channel)) {
                    response = in.readAllBytes();
                }
            } finally {
                deadline.cancel(false);
            }
        } catch (IOException e) {
            throw new EngineUnreachableException("engine " + endpoint + " did not answer " + method + " " + path + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        try {
            HttpResponse http = HttpResponse.parse(response);
            return new Answer(http.status(), http.body());
        } catch (IOException e) {
            throw new EngineUnreachableException("engine " + endpoint + " sent a broken answer to " + path + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String path, byte[] response) throws EngineApiException, EngineUnreachableException {
        HttpResponse http;
        try {
            http = HttpResponse.parse(response);
        } catch (IOException e) {
            throw new EngineUnreachableException("engine " + endpoint + " sent a broken answer to " + path + ": " + e.getMessage(), e);
        }
        JsonNode json;
        try {
            json = http.body().length == 0 ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : JsonTree.parse(http.body());
        } catch (IOException e) {
            if (http.status() >= 400) {
                throw new EngineApiException(http.status(), "HTTP " + http.status());
            }
            throw new EngineUnreachableException("engine " + endpoint + " sent no JSON for " + path, e);
        }
        if (http.status() >= 400) {
            throw new EngineApiException(http.status(), json.hasNonNull("message") ? json.get("message").asText() : "HTTP " + http.status());
        }
        return json;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        // one connection per request: nothing is held open
    }

    /** The status and the (de-chunked) body of an HTTP/1.1 response read to its end. */
    record HttpResponse(int status, byte[] body) {
        static HttpResponse parse(byte[] raw) throws IOException {
            int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (headerEnd < 0) {
                throw new IOException("no HTTP header");
            }
            String[] lines = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + lines[0]);
            }
            int status;
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (NumberFormatException e) {
                throw new IOException("bad HTTP status: " + lines[0], e);
            }
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                    chunked = true;
                }
            }
            int start = headerEnd + 4;
            byte[] body = java.util.Arrays.copyOfRange(raw, start, raw.length);
            return new HttpResponse(status, chunked ? dechunk(body) : body);
        }

        private static byte[] dechunk(byte[] body) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
            int pos = 0;
            while (true) {
                int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, pos);
                if (lineEnd < 0) {
                    throw new IOException("truncated chunked body");
                }
                String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].strip();
                int size;
                try {
                    size = Integer.parseInt(sizeText, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + sizeText, e);
                }
                if (size == 0) {
                    return out.toByteArray();
                }
                int dataStart = lineEnd + 2;
                if (dataStart + size > body.length) {
                    throw new IOException("truncated chunk");
                }
                out.write(body, dataStart, size);
                pos = dataStart + size + 2;
            }
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}

package dev.netlens.discovery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.netlens.json.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * GETs with plain HTTP/1.1 over whatever byte stream reaches the engine ({@link EngineStream}): one
 * stream per request, "Connection: close", the answer read to its end. Shared by the unix socket and
 * the ssh transports.
 */
final class HttpOverStream {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netlens-engine-timeout");
        t.setDaemon(true);
        return t;
    });
    private final String endpoint;
    private final Duration timeout;
    private final EngineStream.Opener opener;

    HttpOverStream(String endpoint, Duration timeout, EngineStream.Opener opener) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.opener = opener;
    }

    String endpoint() {
        return endpoint;
    }

    JsonNode get(String path) throws EngineApiException, EngineUnreachableException {
        return parse(path, exchange("GET", path, null, null));
    }

    /**
     * One request and its whole answer, whatever its status: the one place a request is written.
     *
     * @param contentType the body's type, or null with no body
     */
    byte[] exchange(String method, String path, String contentType, byte[] body) throws EngineUnreachableException {
        byte[] response;
        ScheduledFuture<?> deadline = null;
        EngineStream stream = null;
        try {
            stream = opener.open();
            // A stuck engine must not hang discovery: closing the stream ends a blocked read.
            EngineStream opened = stream;
            deadline = TIMER.schedule(opened::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
            String request = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: netlens\r\n"
                    + "Accept: application/json\r\n"
                    + (body == null ? "" : "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = stream.output();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            try (InputStream in = stream.input()) {
                response = in.readAllBytes();
            }
            stream.finish(response);
        } catch (IOException e) {
            throw unreachable(path, e);
        } finally {
            release(deadline, stream);
        }
        return response;
    }

    /**
     * GETs an answer that keeps coming (the event stream): the body is handed over as it arrives,
     * de-chunked; only the wait for its header is bounded by the timeout.
     */
    StreamingAnswer stream(String path) throws EngineApiException, EngineUnreachableException {
        EngineStream stream = null;
        ScheduledFuture<?> deadline = null;
        try {
            stream = opener.open();
            EngineStream opened = stream;
            deadline = TIMER.schedule(opened::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
            OutputStream out = stream.output();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: netlens\r\n"
                    + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new java.io.BufferedInputStream(stream.input());
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                header.write(b);
                if (header.size() > 65536) {
                    throw new IOException("HTTP header too long");
                }
                byte[] h = header.toByteArray();
                if (h.length >= 4 && h[h.length - 4] == '\r' && h[h.length - 3] == '\n' && h[h.length - 2] == '\r' && h[h.length - 1] == '\n') {
                    break;
                }
            }
            if (b < 0) {
                stream.finish(header.toByteArray());
                throw new IOException("the connection closed before an answer");
            }
            deadline.cancel(false);
            String headText = header.toString(StandardCharsets.ISO_8859_1);
            String[] statusLine = headText.split("\r\n", 2)[0].split(" ", 3);
            int status;
            try {
                status = statusLine[0].startsWith("HTTP/1.") ? Integer.parseInt(statusLine[1]) : -1;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                status = -1;
            }
            if (status < 0) {
                throw new IOException("not an HTTP response");
            }
            if (status >= 400) {
                throw new EngineApiException(status, "HTTP " + status);
            }
            boolean chunked = headText.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            InputStream body = chunked ? new ChunkedInput(in) : in;
            EngineStream open = stream;
            stream = null; // handed over
            return new StreamingAnswer(body, open);
        } catch (IOException e) {
            throw unreachable(path, e);
        } finally {
            release(deadline, stream);
        }
    }

    /** Why a request failed, in one line: the stream refused it (ssh said why), or the engine did not answer. */
    private EngineUnreachableException unreachable(String path, IOException e) {
        if (e instanceof EngineStream.RefusedException) {
            return new EngineUnreachableException("engine " + endpoint + ": " + e.getMessage(), e);
        }
        return new EngineUnreachableException("engine " + endpoint + " did not answer " + path + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    private static void release(ScheduledFuture<?> deadline, EngineStream stream) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (stream != null) {
            stream.close();
        }
    }

    /** A body still arriving; closing it ends the stream under it. */
    record StreamingAnswer(InputStream body, EngineStream stream) implements java.io.Closeable {
        @Override
        public void close() {
            stream.close();
        }
    }

    /** A chunked HTTP body read as it arrives. */
    private static final class ChunkedInput extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        ChunkedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String line = line();
                if (line.isEmpty()) {
                    line = line(); // the CRLF that ends the previous chunk
                }
                try {
                    left = Integer.parseInt(line.split(";")[0].strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + line, e);
                }
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, Math.min(length, left));
            if (n < 0) {
                throw new IOException("truncated chunk");
            }
            left -= n;
            return n;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (b < 0) {
                throw new IOException("stream ended");
            }
            return line.toString();
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
            json = http.body().length == 0 ? NullNode.getInstance() : JsonTree.parse(http.body());
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

package dev.netlens.discovery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP over a unix socket, against small servers on sockets of the test's own. */
class UnixSocketEngineApiTest {
    @TempDir
    Path temp;

    /** Serves one connection with the given handler on a socket in the temp folder. */
    private String serveOnce(Consumer<SocketChannel> handler) throws IOException {
        Path socket = temp.resolve("engine.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (server; SocketChannel client = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(4096);
                client.read(request);
                handler.accept(client);
            } catch (IOException ignored) {
                // the test decides what happens
            }
        });
        t.setDaemon(true);
        t.start();
        return "unix://" + socket;
    }

    private static Consumer<SocketChannel> answer(String raw) {
        return c -> {
            try {
                c.write(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @Test
    void chunkedJsonIsReassembled() throws Exception {
        String endpoint = serveOnce(answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7\r\n{\"Name\"\r\n9\r\n:\"vm\",\"n\"\r\n3\r\n:1}\r\n0\r\n\r\n"));
        var json = new UnixSocketEngineApi(endpoint, Duration.ofSeconds(2)).get("/info");
        assertEquals("vm", json.get("Name").asText());
        assertEquals(1, json.get("n").asInt());
    }

    @Test
    void errorStatusCarriesTheEnginesMessage() throws Exception {
        String endpoint = serveOnce(answer("HTTP/1.1 404 Not Found\r\nContent-Length: 38\r\n\r\n{\"message\":\"No such container: gone\"}"));
        EngineApiException e = assertThrows(EngineApiException.class,
                () -> new UnixSocketEngineApi(endpoint, Duration.ofSeconds(2)).get("/containers/gone/json"));
        assertTrue(e.notFound());
        assertEquals("No such container: gone", e.getMessage());
    }

    @Test
    void engineThatNeverAnswersTimesOut() throws Exception {
        String endpoint = serveOnce(c -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        assertThrows(EngineUnreachableException.class, () -> new UnixSocketEngineApi(endpoint, Duration.ofMillis(500)).get("/info"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void connectionDroppedMidAnswerIsReportedNotParsed() throws Exception {
        String endpoint = serveOnce(answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{\"Name\":"));
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> new UnixSocketEngineApi(endpoint, Duration.ofSeconds(2)).get("/info"));
        assertTrue(e.getMessage().contains("broken answer"), e.getMessage());
    }

    @Test
    void missingSocketIsUnreachable() {
        EngineUnreachableException e = assertThrows(EngineUnreachableException.class,
                () -> new UnixSocketEngineApi("unix://" + temp.resolve("none.sock"), Duration.ofSeconds(1)).get("/info"));
        assertTrue(e.getMessage().startsWith("engine unix://"), e.getMessage());
    }

    @Test
    void explicitHostWinsAndUnixSocketsAreSpokenToDirectly() {
        assertEquals("unix:///run/x.sock", EngineEndpoints.resolve("unix:///run/x.sock"));
        assertTrue(EngineEndpoints.connect("unix:///run/x.sock", Duration.ofSeconds(1)) instanceof UnixSocketEngineApi);
    }
}

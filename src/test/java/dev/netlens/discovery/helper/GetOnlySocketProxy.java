package dev.netlens.discovery.helper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A read-only Docker socket proxy, as users put in front of their engine: it forwards GET requests to
 * the engine's socket and answers every other method with 403. One request per connection, as
 * Netlens's unix socket client sends them.
 */
final class GetOnlySocketProxy implements AutoCloseable {
    private final Path socket;
    private final Path upstream;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    GetOnlySocketProxy(Path socket, Path upstream) throws IOException {
        this.socket = socket;
        this.upstream = upstream;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::serve, "nlhelp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "unix://" + socket;
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> forward(client), "nlhelp-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(SocketChannel client) {
        try (client; InputStream in = Channels.newInputStream(client); OutputStream out = Channels.newOutputStream(client)) {
            byte[] head = readHead(in);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("GET ")) {
                // Read the body the client sends before answering, as a real proxy does.
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text);
                if (length.find()) {
                    in.readNBytes(Integer.parseInt(length.group(1)));
                }
                byte[] body = "{\"message\":\"this proxy allows GET only\"}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                return;
            }
            try (SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(upstream))) {
                Channels.newOutputStream(engine).write(head);
                Channels.newInputStream(engine).transferTo(out);
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** The request up to and including its blank line (GETs carry no body). */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}

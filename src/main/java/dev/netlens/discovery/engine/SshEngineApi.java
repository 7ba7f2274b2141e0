package dev.netlens.discovery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An engine reached as the docker CLI reaches {@code ssh://user@host[:port]}: the system ssh client
 * runs {@code docker system dial-stdio} on the remote, and HTTP/1.1 is spoken over its stdin and
 * stdout ({@link HttpOverStream}), one ssh process per request. BatchMode: keys, agents and
 * ~/.ssh/config work; a password or passphrase is never asked for inside Netlens. The command is an
 * argument list; nothing in it comes from an engine.
 */
public final class SshEngineApi implements EngineApi {
    /** The system ssh client, found on PATH. */
    public static final List<String> SYSTEM_SSH = List.of("ssh");
    private final HttpOverStream http;

    /** @param endpoint {@code ssh://[user@]host[:port]} */
    public SshEngineApi(String endpoint, Duration timeout) {
        this(endpoint, timeout, SYSTEM_SSH);
    }

    /**
     * @param ssh the ssh client and any options of its own before Netlens's (a test's {@code -F CONFIG})
     * @throws IllegalArgumentException for an address that is not {@code ssh://[user@]host[:port]}
     */
    public SshEngineApi(String endpoint, Duration timeout, List<String> ssh) {
        Target target = Target.parse(endpoint);
        List<String> argv = new ArrayList<>(ssh);
        argv.addAll(target.arguments(timeout));
        List<String> command = List.copyOf(argv);
        this.http = new HttpOverStream(endpoint, timeout, () -> SshStream.start(command, target.destination()));
    }

    @Override
    public JsonNode get(String path) throws EngineApiException, EngineUnreachableException {
        return http.get(path);
    }

    @Override
    public String endpoint() {
        return http.endpoint();
    }

    /**
     * GETs an answer that keeps coming ({@code /events}): its body as it arrives. Closing the returned
     * stream ends the ssh process.
     */
    public java.io.InputStream stream(String path) throws EngineApiException, EngineUnreachableException {
        HttpOverStream.StreamingAnswer answer = http.stream(path);
        return new java.io.FilterInputStream(answer.body()) {
            @Override
            public void close() {
                answer.close();
            }
        };
    }

    @Override
    public void close() {
        // one ssh process per request, ended with it
    }

    /** Where ssh connects: the parts of an {@code ssh://} address. */
    record Target(String user, String host, int port) {
        static Target parse(String endpoint) {
            URI uri;
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not an ssh address: " + endpoint);
            }
            String host = uri.getHost();
            String user = uri.getUserInfo();
            if (!"ssh".equals(uri.getScheme()) || host == null || host.isBlank()) {
                throw new IllegalArgumentException("expected ssh://[user@]host[:port], got " + endpoint);
            }
            if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null) {
                throw new IllegalArgumentException("an ssh engine address has no path or query: " + endpoint);
            }
            // An argument that starts with '-' would be read by ssh as an option.
            if (host.startsWith("-") || (user != null && (user.isBlank() || user.startsWith("-") || user.contains(":")))) {
                throw new IllegalArgumentException("not a usable ssh user or host: " + endpoint);
            }
            return new Target(user, host, uri.getPort());
        }

        /** user@host, or host alone (ssh's own default user). */
        String destination() {
            return user == null ? host : user + "@" + host;
        }

        List<String> arguments(Duration timeout) {
            List<String> argv = new ArrayList<>(List.of("-o", "BatchMode=yes",
                    "-o", "ConnectTimeout=" + Math.max(1, (timeout.toMillis() + 999) / 1000),
                    "-o", "LogLevel=ERROR"));
            if (port > 0) {
                argv.addAll(List.of("-p", Integer.toString(port)));
            }
            argv.addAll(List.of(destination(), "--", "docker", "system", "dial-stdio"));
            return argv;
        }
    }

    /** One ssh process: its stdout is the engine's answer, its stderr the reason when there is none. */
    private static final class SshStream implements EngineStream {
        private static final int STDERR_KEPT = 8192;
        private final Process process;
        private final String destination;
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final Thread drain;

        private SshStream(Process process, String destination) {
            this.process = process;
            this.destination = destination;
            this.drain = new Thread(this::drainStderr, "netlens-ssh-stderr");
            drain.setDaemon(true);
            drain.start();
        }

        static SshStream start(List<String> command, String destination) throws IOException {
            Process process;
            try {
                process = new ProcessBuilder(command).start();
            } catch (IOException e) {
                throw new RefusedException("no ssh client found (the '" + command.get(0)
                        + "' command): install OpenSSH to reach ssh:// engines");
            }
            return new SshStream(process, destination);
        }

        private void drainStderr() {
            byte[] buffer = new byte[1024];
            try (InputStream in = process.getErrorStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        if (stderr.size() < STDERR_KEPT) {
                            stderr.write(buffer, 0, Math.min(n, STDERR_KEPT - stderr.size()));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        @Override
        public InputStream input() {
            return process.getInputStream();
        }

        @Override
        public OutputStream output() {
            return process.getOutputStream();
        }

        @Override
        public void finish(byte[] answer) throws IOException {
            if (answer.length > 0) {
                return;
            }
            int exit;
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    throw new IOException("ssh to " + destination + " gave no answer");
                }
                exit = process.exitValue();
                drain.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for ssh", e);
            }
            String text;
            synchronized (stderr) {
                text = stderr.toString(StandardCharsets.UTF_8);
            }
            throw new RefusedException(reason(destination, exit, text));
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // the process already ended
            }
            process.destroy();
        }
    }

    /** One line for a user: why ssh gave no answer, from its exit status and what it printed. */
    static String reason(String destination, int exit, String stderr) {
        String last = "";
        for (String line : stderr.split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        String lower = stderr.toLowerCase(Locale.ROOT);
        if (lower.contains("cannot connect to the docker daemon") || lower.contains("permission denied while trying to connect")
                || lower.contains("error during connect") || lower.contains("dial unix")) {
            return "docker on " + destination + " cannot reach its engine: " + last;
        }
        if (lower.contains("permission denied")) {
            return "ssh " + destination + " refused the key (" + last + "); Netlens never asks for a password: "
                    + "load a key into ssh-agent or name it in ~/.ssh/config";
        }
        if (lower.contains("host key verification failed") || lower.contains("remote host identification has changed")) {
            return "ssh does not trust " + destination + "'s host key (" + last + "); connect once with ssh to check and accept it";
        }
        if (exit == 127 || lower.contains("docker: command not found") || lower.contains("docker: not found")) {
            return "docker is not installed on " + destination + " (or not on the PATH of its ssh sessions)";
        }
        if (lower.contains("dial-stdio") || lower.contains("unknown command")) {
            return "the docker CLI on " + destination + " has no 'system dial-stdio' (needs Docker 18.09 or later)";
        }
        if (exit == 255) {
            return "ssh could not reach " + destination + (last.isEmpty() ? "" : ": " + last);
        }
        return "ssh " + destination + " ended (status " + exit + ") without an answer" + (last.isEmpty() ? "" : ": " + last);
    }
}

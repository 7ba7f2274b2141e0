package dev.netlens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real sshd of the test's own, in network namespace {@code nlreach-ssh} joined to this machine by
 * the veth pair {@code nlreach-h} (100.64.95.1/30) / {@code nlreach-n} (100.64.95.2/30), with a
 * throwaway host key and client keys in a temp folder. Its sessions get
 * {@code DOCKER_HOST=<engine>}, so the remote {@code docker system dial-stdio} reaches that lab engine.
 * Keys: {@link #clientKey()} is authorized; {@link #noDockerKey()} is authorized with a PATH on which
 * there is no docker; {@link #strangerKey()} is not authorized. Leftovers of an earlier run (the
 * namespace, the veth, an sshd whose pid file remains) are removed first.
 */
public final class SshTestServer implements AutoCloseable {
    public static final String NETNS = "nlreach-ssh";
    public static final String ADDRESS = "100.64.95.2";
    private static final String HOST_ADDRESS = "100.64.95.1/30";
    private static final Path PID_FILE = Path.of("/run/nlreach-sshd.pid");
    private final Path dir;
    private final Process sshd;

    private SshTestServer(Path dir, Process sshd) {
        this.dir = dir;
        this.sshd = sshd;
    }

    /** Starts sshd for sessions whose docker talks to {@code engine} (a lab socket URI). */
    public static SshTestServer start(Path dir, String engine) throws IOException, InterruptedException {
        cleanUp();
        run("ip", "netns", "add", NETNS);
        run("ip", "link", "add", "nlreach-h", "type", "veth", "peer", "name", "nlreach-n");
        run("ip", "link", "set", "nlreach-n", "netns", NETNS);
        run("ip", "addr", "add", HOST_ADDRESS, "dev", "nlreach-h");
        run("ip", "link", "set", "nlreach-h", "up");
        run("ip", "-n", NETNS, "addr", "add", ADDRESS + "/30", "dev", "nlreach-n");
        run("ip", "-n", NETNS, "link", "set", "nlreach-n", "up");
        run("ip", "-n", NETNS, "link", "set", "lo", "up");
        for (String key : List.of("host_key", "client_key", "nodocker_key", "stranger_key")) {
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "nlreach-test", "-f", dir.resolve(key).toString());
        }
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("client_key.pub"))
                + "environment=\"PATH=/nlreach-no-docker-here\" " + Files.readString(dir.resolve("nodocker_key.pub")));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress " + ADDRESS,
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + PID_FILE,
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "PermitUserEnvironment PATH",
                "UsePAM no",
                "StrictModes no",
                "SetEnv DOCKER_HOST=" + engine,
                ""));
        Files.writeString(dir.resolve("known_hosts"), ADDRESS + " " + Files.readString(dir.resolve("host_key.pub")));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
        Process sshd = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + NETNS, "/usr/sbin/sshd", "-D", "-e",
                "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        SshTestServer server = new SshTestServer(dir, sshd);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd ended: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ADDRESS, 22), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("sshd did not listen on " + ADDRESS + ":22");
    }

    /** The engine address for the authorized user (root). */
    public String endpoint() {
        return "ssh://root@" + ADDRESS + ":22";
    }

    /** The ssh client with options of the test's own: this key, this server's host key only. */
    public List<String> ssh(String key) {
        return List.of("ssh", "-F", "/dev/null",
                "-o", "IdentityFile=" + dir.resolve(key),
                "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes");
    }

    public List<String> clientKey() {
        return ssh("client_key");
    }

    public List<String> noDockerKey() {
        return ssh("nodocker_key");
    }

    public List<String> strangerKey() {
        return ssh("stranger_key");
    }

    /** The client with no known host keys at all: the server's key is unknown to it. */
    public List<String> unknownHost() {
        List<String> argv = new ArrayList<>(ssh("client_key"));
        argv.set(argv.indexOf("UserKnownHostsFile=" + dir.resolve("known_hosts")), "UserKnownHostsFile=/dev/null");
        return argv;
    }

    @Override
    public void close() {
        sshd.destroy();
        try {
            sshd.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cleanUp();
    }

    /** Removes the namespace, the veth pair and an sshd of an earlier run (by its pid file), if there. */
    private static void cleanUp() {
        try {
            if (Files.isRegularFile(PID_FILE)) {
                String pid = Files.readString(PID_FILE).strip();
                Path cmdline = Path.of("/proc", pid, "cmdline");
                if (pid.matches("\\d+") && Files.exists(cmdline) && Files.readString(cmdline).contains("sshd")) {
                    new ProcessBuilder("kill", pid).start().waitFor();
                }
                Files.deleteIfExists(PID_FILE);
            }
            new ProcessBuilder("ip", "netns", "del", NETNS).start().waitFor();
            new ProcessBuilder("ip", "link", "del", "nlreach-h").start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(String... argv) {
        Lab.run(List.of(argv));
    }
}

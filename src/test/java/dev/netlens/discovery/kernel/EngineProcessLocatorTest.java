package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineProcessLocatorTest {
    @TempDir
    Path proc;

    private void dockerd(String pid, String netns, String... args) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(pid).resolve("ns"));
        Files.write(dir.getParent().resolve("cmdline"), (String.join("\0", args) + "\0").getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(dir.resolve("net"), Path.of(netns));
    }

    @Test
    void findsTheEngineServingASocketGivenWithDashH() throws Exception {
        Files.createDirectories(proc.resolve("self/ns"));
        Files.createSymbolicLink(proc.resolve("self/ns/net"), Path.of("net:[1]"));
        dockerd("10", "net:[1]", "/usr/sbin/dockerd");
        dockerd("20", "net:[2]", "dockerd", "--data-root", "/var/lib/docker-node2", "--exec-root=/run/node2/exec",
                "-H", "unix:///run/node2/docker.sock");
        EngineProcess node2 = new EngineProcessLocator(proc).find("/run/node2/docker.sock").orElseThrow();
        assertEquals(20, node2.pid());
        assertEquals(Path.of("/run/node2/exec/netns"), node2.netnsDir());
        assertFalse(node2.sharesOurNamespace());
        EngineProcess engine1 = new EngineProcessLocator(proc).find("/var/run/docker.sock").orElseThrow();
        assertEquals(10, engine1.pid());
        assertEquals(Path.of("/var/run/docker/netns"), engine1.netnsDir());
        assertTrue(engine1.sharesOurNamespace());
    }

    @Test
    void noEngineForASocketNobodyServes() throws Exception {
        dockerd("10", "net:[1]", "dockerd", "-H", "unix:///run/other.sock");
        assertEquals(Optional.empty(), new EngineProcessLocator(proc).find("/run/node2/docker.sock"));
    }

    @Test
    void daemonJsonHostsAndExecRootApplyWhenFlagsAreAbsent() throws Exception {
        Path config = proc.resolve("daemon.json");
        Files.writeString(config, "{\"hosts\":[\"fd://\",\"unix:///srv/d.sock\"],\"exec-root\":\"/srv/exec\"}");
        var flags = EngineProcessLocator.DaemonFlags.parse(List.of("--config-file", config.toString()),
                path -> {
                    try {
                        return Optional.of(new ObjectMapper().readTree(Files.readString(Path.of(path))));
                    } catch (Exception e) {
                        return Optional.empty();
                    }
                });
        assertEquals(List.of("/var/run/docker.sock", "/srv/d.sock"), flags.sockets());
        assertEquals("/srv/exec", flags.execRoot());
    }
}

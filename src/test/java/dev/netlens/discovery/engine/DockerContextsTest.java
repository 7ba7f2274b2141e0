package dev.netlens.discovery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker CLI's contexts, read from a config folder the test writes as the CLI writes it. */
class DockerContextsTest {
    @TempDir
    Path config;

    private void context(String name, String host, boolean skipTls, boolean tls) throws IOException {
        String sha = DockerContexts.sha256(name);
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(sha));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{\"Description\":\"d " + name
                + "\"},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":" + skipTls + "}}}");
        if (tls) {
            Path dir = Files.createDirectories(config.resolve("contexts/tls").resolve(sha).resolve("docker"));
            for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
                Files.writeString(dir.resolve(f), "-----BEGIN-----\n");
            }
        }
    }

    private DockerContexts contexts(Map<String, String> env) {
        return new DockerContexts(config, env);
    }

    @Test
    void theStoresFolderIsTheSha256OfTheName() {
        // As `docker context create node2` names its folder.
        assertEquals("15b18a7243257695704f66a3b1ddc9311194fc7d2e1896f440cc517c777ab7ec", DockerContexts.sha256("node2"));
        assertEquals("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f", DockerContexts.sha256("default"));
    }

    @Test
    void contextsAreListedDefaultFirstWithHostAndTlsFiles() throws IOException {
        context("remote", "tcp://10.1.2.3:2376", false, true);
        context("node2", "unix:///run/node2/docker.sock", false, false);
        List<DockerContexts.Context> list = contexts(Map.of()).list();
        assertEquals(List.of("default", "node2", "remote"), list.stream().map(DockerContexts.Context::name).toList());
        assertEquals(EngineEndpoints.DEFAULT_SOCKET, list.get(0).host());
        assertNull(list.get(1).tlsDir());
        assertEquals(config.resolve("contexts/tls").resolve(DockerContexts.sha256("remote")).resolve("docker"), list.get(2).tlsDir());
        assertEquals("d remote", list.get(2).description());
    }

    @Test
    void theCurrentContextComesFromConfigJson() throws IOException {
        context("node2", "unix:///run/node2/docker.sock", false, false);
        Files.writeString(config.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"node2\"}");
        assertEquals("node2", contexts(Map.of()).currentName());
        assertEquals("unix:///run/node2/docker.sock", contexts(Map.of()).current().host());
    }

    @Test
    void dockerContextWinsOverConfigAndDockerHostWinsOverBoth() throws IOException {
        context("node2", "unix:///run/node2/docker.sock", false, false);
        context("other", "tcp://10.9.9.9:2375", false, false);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"node2\"}");
        assertEquals("other", contexts(Map.of("DOCKER_CONTEXT", "other")).currentName());
        DockerContexts withHost = contexts(Map.of("DOCKER_CONTEXT", "other", "DOCKER_HOST", "tcp://10.0.0.5:2375"));
        assertEquals("default", withHost.currentName());
        assertEquals("tcp://10.0.0.5:2375", withHost.current().host());
    }

    @Test
    void noConfigMeansTheDefaultContext() {
        assertEquals("default", contexts(Map.of()).currentName());
        assertEquals(List.of("default"), contexts(Map.of()).list().stream().map(DockerContexts.Context::name).toList());
    }

    @Test
    void dockerConfigNamesTheFolder(@TempDir Path home) {
        assertEquals(home.resolve(".docker"), DockerContexts.of(Map.of(), home).configDir());
        assertEquals(config, DockerContexts.of(Map.of("DOCKER_CONFIG", config.toString()), home).configDir());
    }

    @Test
    void anUnknownOrBrokenContextIsOneLine() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> contexts(Map.of()).find("nope"));
        assertTrue(missing.getMessage().startsWith("no docker context named 'nope'"), missing.getMessage());
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(DockerContexts.sha256("bad")));
        Files.writeString(meta.resolve("meta.json"), "{not json");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> contexts(Map.of()).find("bad"));
        assertTrue(broken.getMessage().contains("cannot be read"), broken.getMessage());
        assertEquals(List.of("default"), contexts(Map.of()).list().stream().map(DockerContexts.Context::name).toList());
    }
}

package dev.netlens.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.engine.DockerContexts;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.engine.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chooser's logic without an engine: addresses, TLS files, the context store; nothing is connected to. */
class DockerEngineDirectoryTest {
    @TempDir
    Path config;

    private DockerEngineDirectory directory(Map<String, String> env, TlsFiles tls) {
        return new DockerEngineDirectory(new DockerContexts(config, env), env, tls, h -> {
            throw new IllegalStateException("no engine is asked in this test: " + h);
        }, List::of);
    }

    private void context(String name, String host) throws IOException {
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(DockerContexts.sha256(name)));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{\"Description\":\"about " + name
                + "\"},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }

    private static ReachProblem problem(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ReachProblem.class, call);
    }

    @Test
    void addressesNetlensCannotUseAreRefusedInOneLine() {
        assertEquals("no address given", problem(() -> DockerEngineDirectory.checkAddress("  ")).detail());
        assertEquals("http://h:80: use unix://, tcp:// or ssh://", problem(() -> DockerEngineDirectory.checkAddress("http://h:80")).detail());
        assertEquals("/var/run/docker.sock: use unix://, tcp:// or ssh://",
                problem(() -> DockerEngineDirectory.checkAddress("/var/run/docker.sock")).detail());
        assertTrue(problem(() -> DockerEngineDirectory.checkAddress("tcp://10.0.0.1")).detail().contains("tcp:// needs HOST:PORT"));
        assertTrue(problem(() -> DockerEngineDirectory.checkAddress("unix://")).detail().contains("unix:// needs the socket"));
        assertTrue(problem(() -> DockerEngineDirectory.checkAddress("ssh://")).detail().contains("ssh:// needs"));
        assertEquals(ReachProblem.Kind.BAD_ADDRESS, problem(() -> DockerEngineDirectory.checkAddress("tcp://a b:1")).kind());
    }

    @Test
    void usableAddressesPassStripped() throws Exception {
        assertEquals("unix:///run/node2/docker.sock", DockerEngineDirectory.checkAddress(" unix:///run/node2/docker.sock "));
        assertEquals("tcp://198.18.0.2:2376", DockerEngineDirectory.checkAddress("tcp://198.18.0.2:2376"));
        assertEquals("ssh://admin@host:2222", DockerEngineDirectory.checkAddress("ssh://admin@host:2222"));
    }

    @Test
    void dockerTlsVerifyWithoutItsFilesIsToldBeforeConnecting() throws Exception {
        Path certs = Files.createDirectories(config.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "x");
        DockerEngineDirectory d = directory(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()), TlsFiles.NONE);
        ReachProblem p = problem(() -> d.probe("tcp://198.18.0.2:2376"));
        assertEquals(ReachProblem.Kind.TLS_FILES, p.kind());
        assertTrue(p.detail().startsWith("DOCKER_TLS_VERIFY is set, but " + certs.resolve("cert.pem") + " is missing"), p.detail());
        // A socket needs no TLS files.
        assertEquals("unix:///run/x.sock", d.endpoint(EngineChoice.host("unix:///run/x.sock")));
    }

    @Test
    void tlsFilesGivenAsOptionsMustExist() {
        Path missing = config.resolve("client-key.pem");
        DockerEngineDirectory d = directory(Map.of(), new TlsFiles(null, config.resolve("cert.pem"), missing));
        ReachProblem p = problem(() -> d.endpoint(EngineChoice.host("tcp://198.18.0.2:2376")));
        assertEquals(ReachProblem.Kind.TLS_FILES, p.kind());
        assertEquals("TLS file " + config.resolve("cert.pem") + " is missing", p.detail());
    }

    @Test
    void contextsAreListedWithTheCurrentOneAndABrokenEntryIsToldNotHidden() throws Exception {
        context("lab", "unix:///var/run/docker.sock");
        context("node2", "unix:///run/node2/docker.sock");
        Path broken = Files.createDirectories(config.resolve("contexts/meta/0000"));
        Files.writeString(broken.resolve("meta.json"), "{not json");
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"node2\"}");
        ContextListing listing = directory(Map.of(), TlsFiles.NONE).contexts();
        assertEquals(List.of("default", "lab", "node2"), listing.contexts().stream().map(ContextEntry::name).toList());
        assertEquals(List.of(false, false, true), listing.contexts().stream().map(ContextEntry::current).toList());
        assertEquals("about node2", listing.contexts().get(2).description());
        assertEquals(List.of(broken.resolve("meta.json") + " is not JSON"), listing.problems());
        assertEquals(config.toString(), listing.store());
    }

    @Test
    void aCurrentContextMissingFromTheStoreIsSaid() throws Exception {
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"gone\"}");
        ContextListing listing = directory(Map.of(), TlsFiles.NONE).contexts();
        assertEquals(1, listing.contexts().size());
        assertTrue(listing.problems().get(0).startsWith("the current docker context 'gone' is not in"), listing.problems().toString());
    }

    @Test
    void aContextChoiceStandsForItsAddressAndAMissingOneIsOneLine() throws Exception {
        context("node2", "unix:///run/node2/docker.sock");
        DockerEngineDirectory d = directory(Map.of(), TlsFiles.NONE);
        assertEquals("unix:///run/node2/docker.sock", d.endpoint(EngineChoice.context("node2")));
        ReachProblem p = problem(() -> d.endpoint(EngineChoice.context("gone")));
        assertEquals(ReachProblem.Kind.CONTEXT_STORE, p.kind());
        assertTrue(p.detail().startsWith("no docker context named 'gone'"), p.detail());
    }

    @Test
    void anEngineThatDoesNotAnswerIsOneLine() {
        DockerEngineDirectory d = new DockerEngineDirectory(new DockerContexts(config, Map.of()), Map.of(), TlsFiles.NONE,
                h -> new dev.netlens.discovery.engine.EngineApi() {
                    @Override
                    public com.fasterxml.jackson.databind.JsonNode get(String path) throws EngineUnreachableException {
                        throw new EngineUnreachableException("engine " + h + " did not answer " + path + ": Connection refused", null);
                    }

                    @Override
                    public String endpoint() {
                        return h;
                    }

                    @Override
                    public void close() {
                    }
                }, List::of);
        ReachProblem p = problem(() -> d.probe("tcp://198.18.0.99:2375"));
        assertEquals(ReachProblem.Kind.UNREACHABLE, p.kind());
        assertEquals("engine tcp://198.18.0.99:2375 did not answer /info: Connection refused", p.detail());
        assertEquals(ReachProblem.Kind.UNREACHABLE, problem(() -> d.swarm("tcp://198.18.0.99:2375", List.of())).kind());
    }
}

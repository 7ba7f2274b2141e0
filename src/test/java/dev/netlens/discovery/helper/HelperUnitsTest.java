package dev.netlens.discovery.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlens.discovery.kernel.CommandNotFoundException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The helper's parts that need no engine: image choice, probe, command translation, output streams, request. */
class HelperUnitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode images(String... tags) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < tags.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Id\":\"sha256:").append(String.format("%064d", i))
                    .append("\",\"RepoTags\":[\"").append(tags[i]).append("\"]}");
        }
        return JSON.readTree(json.append("]").toString());
    }

    @Test
    void busyboxIsPreferredOverLargerImagesTheEngineHas() throws Exception {
        assertEquals(Optional.of("registry:5000/team/busybox:1.36"),
                HelperImages.choose(images("ubuntu:24.04", "nginx:1", "registry:5000/team/busybox:1.36", "alpine:3"), null));
        assertEquals(Optional.of("debian:12"), HelperImages.choose(images("nginx:1", "debian:12"), null));
    }

    @Test
    void noKnownImageGivesNothingRatherThanAPull() throws Exception {
        assertEquals(Optional.empty(), HelperImages.choose(images("nginx:1", "postgres:16"), null));
    }

    @Test
    void aNamedImageIsUsedOnlyWhenTheEngineHasIt() throws Exception {
        assertEquals(Optional.of("tools:latest"), HelperImages.choose(images("tools:latest", "busybox:1"), "tools"));
        assertEquals(Optional.empty(), HelperImages.choose(images("busybox:1"), "tools:2"));
    }

    @Test
    void theProbeFindsTheEnginesDockerdItsArgumentsAndTheHostTools() {
        HelperProbe probe = HelperProbe.parse(String.join("\n", "kit busybox",
                "uidmap          0          0 4294967295", "boot 26722562-81cc",
                "dockerd 17140", "arg dockerd", "arg --exec-root", "arg /run/node2/exec",
                "tool /usr/sbin/ip", "tool /usr/bin/grep", ""));
        assertEquals("busybox", probe.kit());
        assertFalse(probe.confined());
        assertEquals("26722562-81cc", probe.bootId());
        assertEquals(List.of(new HelperProbe.Daemon(17140, List.of("--exec-root", "/run/node2/exec"),
                List.of("/usr/sbin/ip", "/usr/bin/grep"))), probe.daemons());
    }

    @Test
    void aHelperInAUserNamespaceOfItsOwnIsConfined() {
        assertTrue(HelperProbe.parse("kit busybox\nuidmap 0 100000 65536\n").confined());
    }

    @Test
    void aNamespaceReadBecomesTheHelpersNsenterIntoTheEnginesMountAndThatNamespace() throws Exception {
        HelperCommandRunner runner = new HelperCommandRunner(null, "busybox", 42,
                new HostTools(List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/grep")));
        assertEquals(List.of("/bin/sh", "-c", HelperCommandRunner.WITH_INPUT, "sh", "addr show\n",
                        "/bin/busybox", "nsenter", "--mount=/proc/42/ns/mnt", "--net=/proc/42/root/run/docker/netns/ab12",
                        "--", "/usr/sbin/ip", "-j", "-batch", "-"),
                runner.translate(List.of("nsenter", "--net=/run/docker/netns/ab12", "ip", "-j", "-batch", "-"), "addr show\n"));
        assertEquals(List.of("/usr/bin/nsenter", "--mount=/proc/42/ns/mnt", "--net=/proc/42/ns/net", "--", "/usr/bin/grep", "x"),
                new HelperCommandRunner(null, "nsenter", 42, new HostTools(List.of("/usr/bin/grep")))
                        .translate(List.of("nsenter", "--net=/proc/42/ns/net", "grep", "x"), null));
    }

    @Test
    void aProgramTheHostLacksIsNotFoundRatherThanRunFromTheImage() {
        HelperCommandRunner runner = new HelperCommandRunner(null, "busybox", 42, new HostTools(List.of("/usr/sbin/ip")));
        assertFalse(runner.isAvailable("nft"));
        assertThrows(CommandNotFoundException.class, () -> runner.translate(List.of("nft", "-j", "list", "ruleset"), null));
    }

    @Test
    void theEnginesMultiplexedOutputIsSplitIntoStdoutAndStderr() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        frame(raw, 1, "[{\"ifname\":");
        frame(raw, 2, "warning\n");
        frame(raw, 1, "\"lo\"}]");
        ExecStream streams = ExecStream.demultiplex(raw.toByteArray());
        assertEquals("[{\"ifname\":\"lo\"}]", streams.stdout());
        assertEquals("warning\n", streams.stderr());
    }

    private static void frame(ByteArrayOutputStream out, int stream, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(new byte[] {(byte) stream, 0, 0, 0, 0, 0, (byte) (data.length >> 8), (byte) data.length});
        out.writeBytes(data);
    }

    @Test
    void theHelperAsksForFourCapabilitiesDropsTheRestAndIsNeitherPrivilegedNorWritable() throws Exception {
        JsonNode body = JSON.readTree(HelperContainer.createBody("busybox:1"));
        JsonNode host = body.path("HostConfig");
        assertEquals("[\"ALL\"]", host.path("CapDrop").toString());
        assertEquals("[\"SYS_ADMIN\",\"SYS_CHROOT\",\"SYS_PTRACE\",\"NET_ADMIN\"]", host.path("CapAdd").toString());
        assertFalse(host.path("Privileged").asBoolean(false));
        assertTrue(host.path("ReadonlyRootfs").asBoolean());
        assertEquals("host", host.path("PidMode").asText());
        assertEquals("host", host.path("NetworkMode").asText());
        assertEquals("1", body.path("Labels").path("netlens.helper").asText());
    }

    @Test
    void kernelModesParseAndOnlyHelperOrAnAllowedAutoWantAHelper() {
        assertEquals(KernelMode.LOCAL, KernelMode.parse("local"));
        assertEquals(null, KernelMode.parse("remote"));
        assertTrue(new KernelOptions(KernelMode.HELPER, false, null, n -> { }).helperWanted());
        assertFalse(KernelOptions.DEFAULT.helperWanted());
        assertTrue(new KernelOptions(KernelMode.AUTO, true, null, n -> { }).helperWanted());
        assertFalse(new KernelOptions(KernelMode.LOCAL, true, null, n -> { }).helperWanted());
    }
}

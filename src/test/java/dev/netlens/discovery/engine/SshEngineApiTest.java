package dev.netlens.discovery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ssh command Netlens runs, and the one line it tells for each way ssh fails. */
class SshEngineApiTest {
    @Test
    void theCommandIsAFixedArgumentListInBatchMode() {
        var target = SshEngineApi.Target.parse("ssh://admin@build.example:2222");
        assertEquals(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=3", "-o", "LogLevel=ERROR", "-p", "2222",
                "admin@build.example", "--", "docker", "system", "dial-stdio"), target.arguments(Duration.ofMillis(2500)));
        assertEquals("build.example", SshEngineApi.Target.parse("ssh://build.example").destination());
    }

    @Test
    void addressesThatSshWouldReadAsOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshEngineApi.Target.parse("ssh://-oProxyCommand=x@host"));
        assertThrows(IllegalArgumentException.class, () -> SshEngineApi.Target.parse("ssh://host/some/path"));
        assertThrows(IllegalArgumentException.class, () -> SshEngineApi.Target.parse("tcp://host:2375"));
    }

    @Test
    void eachFailureIsToldInOneLine() {
        assertTrue(SshEngineApi.reason("u@h", 255, "u@h: Permission denied (publickey).\n").contains("refused the key"));
        assertTrue(SshEngineApi.reason("u@h", 255, "Host key verification failed.\n").contains("host key"));
        assertTrue(SshEngineApi.reason("u@h", 127, "bash: line 1: docker: command not found\n").startsWith("docker is not installed on u@h"));
        assertTrue(SshEngineApi.reason("u@h", 1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n")
                .startsWith("docker on u@h cannot reach its engine"));
        assertTrue(SshEngineApi.reason("u@h", 1, "error during connect: dial unix /run/node2/docker.sock: connect: no such file or directory\n")
                .startsWith("docker on u@h cannot reach its engine"));
        assertEquals("ssh could not reach u@h: ssh: connect to host h port 22: Connection refused",
                SshEngineApi.reason("u@h", 255, "ssh: connect to host h port 22: Connection refused\r\n"));
    }

    @Test
    void sshAddressesGetTheSshClient() {
        assertTrue(EngineEndpoints.connect("ssh://admin@build.example", Duration.ofSeconds(1)) instanceof SshEngineApi);
    }
}

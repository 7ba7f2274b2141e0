package dev.netlens.discovery.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.kernel.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One exec reading several namespaces: each command's output, errors and status come back apart. */
class HelperBatchTest {
    private static final String M = "@@netlens-5eed";

    @Test
    void eachNamespacesOutputErrorsAndStatusAreSplitFromTheFramedStreams() {
        String stdout = "\n" + M + " 0\n[{\"ifname\":\"lo\"}]\n[{\"dst\":\"default\"}]\n\n" + M + " 0 exit 0\n"
                + "\n" + M + " 1\n\n" + M + " 1 exit 1\n"
                + "\n" + M + " 2\n[]\n[]\n\n" + M + " 2 exit 0\n";
        String stderr = "\n" + M + " 0\n\n" + M + " 1\nnsenter: reassociate to namespace 'ns/net' failed: Invalid argument\n"
                + "\n" + M + " 2\n";
        List<CommandResult> results = HelperCommandRunner.split(new CommandResult(0, stdout, stderr), M, 3);
        assertEquals(3, results.size());
        assertEquals(0, results.get(0).exitCode());
        assertEquals("[{\"ifname\":\"lo\"}]\n[{\"dst\":\"default\"}]\n\n", results.get(0).stdout());
        assertEquals("", results.get(0).stderr().strip());
        assertEquals(1, results.get(1).exitCode());
        assertEquals("nsenter: reassociate to namespace 'ns/net' failed: Invalid argument", results.get(1).firstErrorLine());
        assertEquals(0, results.get(2).exitCode());
        assertEquals("[]\n[]\n\n", results.get(2).stdout());
    }

    @Test
    void aBatchThatEndedEarlyLeavesTheRestFailedWithTheReason() {
        String stdout = "\n" + M + " 0\n[]\n[]\n\n" + M + " 0 exit 0\n\n" + M + " 1\n[]\n";
        List<CommandResult> results = HelperCommandRunner.split(new CommandResult(137, stdout, "Killed\n"), M, 3);
        assertTrue(results.get(0).ok());
        assertEquals(-1, results.get(1).exitCode());
        assertEquals(-1, results.get(2).exitCode());
        assertTrue(results.get(2).stderr().startsWith("the helper's batch ended before this command"), results.get(2).stderr());
    }

    @Test
    void theProbeBringsEachDaemonsDefaultConfigFileOrSaysThereIsNone() {
        HelperProbe probe = HelperProbe.parse(String.join("\n", "kit busybox", "uidmap 0 0 4294967295",
                "dockerd 11", "arg dockerd", "tool /usr/sbin/ip", "config-begin", "{", "  \"data-root\": \"/srv/docker\",",
                "  \"exec-root\": \"/srv/run\"", "}", "", "config-end",
                "dockerd 22", "arg dockerd", "tool /usr/sbin/ip", "config-none", ""));
        assertEquals("{\n  \"data-root\": \"/srv/docker\",\n  \"exec-root\": \"/srv/run\"\n}\n\n",
                probe.daemons().get(0).defaultConfig());
        assertEquals(List.of("/usr/sbin/ip"), probe.daemons().get(0).tools(), "config lines are not keys");
        assertEquals("", probe.daemons().get(1).defaultConfig());
    }

    @Test
    void theScriptIsFixedAndTakesEveryPathAsAnArgument() {
        // Nothing of the engine is ever part of the script: it reads paths and the command from "$@".
        assertTrue(HelperCommandRunner.BATCH.contains("\"--net=$net\"") && HelperCommandRunner.BATCH.contains("| \"$@\""));
        assertTrue(!HelperCommandRunner.BATCH.contains("eval"));
    }
}

package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One ip per namespace reads interfaces and routes; the engine's settings come with the facts. */
class KernelReaderRoutesTest {
    private static final Path BATCH = Path.of("src/test/resources/captures/routes/lab-user-a-batch.json");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Prints {@code ipOutput} for ip's batch of addresses and routes; every other program is missing. */
    private static CommandRunner ipPrinting(String ipOutput) {
        return new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv) throws IOException {
                throw new CommandNotFoundException(argv.get(0));
            }

            @Override
            public CommandResult run(List<String> argv, String input) throws IOException {
                if (argv.equals(KernelReader.IP_BATCH) && KernelReader.BATCH_INPUT.equals(input)) {
                    return new CommandResult(0, ipOutput, "");
                }
                return run(argv);
            }

            @Override
            public boolean isAvailable(String program) {
                return false;
            }
        };
    }

    private KernelFacts read(String ipOutput) throws Exception {
        EngineProcess engine = new EngineProcess(7, Path.of("/proc/7/ns/net"), temp.resolve("netns"), true);
        return new KernelReader(ipPrinting(ipOutput), dir -> List.of(), pool, temp.resolve("boot_id"), temp.resolve("sys"))
                .read(engine, List.of());
    }

    @Test
    void oneBatchGivesTheNamespacesInterfacesAndRoutes() throws Exception {
        NamespaceDump dump = read(Files.readString(BATCH)).host();
        assertEquals(List.of("lo", "eth0"), dump.links().stream().map(KernelLink::name).toList());
        assertEquals(List.of(
                new KernelRoute("default", "172.19.0.1", "eth0", null, "global", "unicast", null),
                new KernelRoute("172.19.0.0/16", null, "eth0", "172.19.0.2", "link", "unicast", null)), dump.routes());
    }

    @Test
    void anIpThatPrintsNoRoutesLeavesThemUnread() throws Exception {
        String addressesOnly = Files.readString(BATCH).lines().findFirst().orElseThrow();
        NamespaceDump dump = read(addressesOnly).host();
        assertEquals(2, dump.links().size());
        assertNull(dump.routes());
    }

    @Test
    void settingsOfTheEnginesNamespaceComeWithTheFacts() throws Exception {
        Files.createDirectories(temp.resolve("sys/net/ipv4"));
        Files.createDirectories(temp.resolve("sys/net/bridge"));
        Files.writeString(temp.resolve("sys/net/ipv4/ip_forward"), "1\n");
        Files.writeString(temp.resolve("sys/net/bridge/bridge-nf-call-iptables"), "1\n");
        assertEquals(Map.of("net.ipv4.ip_forward", "1", "net.bridge.bridge-nf-call-iptables", "1"),
                read(Files.readString(BATCH)).sysctls());
    }
}

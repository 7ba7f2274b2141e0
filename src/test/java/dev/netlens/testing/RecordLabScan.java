package dev.netlens.testing;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.kernel.NamespaceLister;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Records one real discovery scan of the lab as replayable files (run by hand, with the lab up):
 * {@code mvn -q test-compile exec:java}-free form:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.netlens.testing.RecordLabScan DIR HOST...}.
 * See src/test/resources/captures/README.md.
 */
public final class RecordLabScan {
    private RecordLabScan() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> hosts = List.of(args).subList(1, args.length);
        recordProc(dir.resolve("proc"));
        ScanRecorder recorder = new ScanRecorder(dir);
        try (Discovery discovery = new Discovery(
                host -> recorder.engine(EngineEndpoints.connect(host, Duration.ofSeconds(10))),
                recorder.commands(new ProcessCommandRunner(Duration.ofSeconds(10))),
                recorder.lister(NamespaceLister.FILE_SYSTEM), Path.of("/proc"), Clock.systemUTC())) {
            DiscoveryResult result = discovery.discover(hosts);
            Files.writeString(dir.resolve("expected-snapshot.json"), SnapshotJson.toJson(result.snapshot()));
            System.out.println("recorded " + result.snapshot().containers().size() + " containers, failures " + result.failures());
        }
    }

    /** Only what discovery reads of /proc: dockerd command lines and namespaces, credentials, boot id. */
    private static void recordProc(Path out) throws IOException {
        Path proc = Path.of("/proc");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : dirs) {
                try {
                    byte[] cmdline = Files.readAllBytes(pid.resolve("cmdline"));
                    String argv0 = new String(cmdline, StandardCharsets.UTF_8).split("\0")[0];
                    if (!Path.of(argv0).getFileName().toString().equals("dockerd")) {
                        continue;
                    }
                    Path target = out.resolve(pid.getFileName().toString());
                    Files.createDirectories(target.resolve("ns"));
                    Files.write(target.resolve("cmdline"), cmdline);
                    Files.writeString(target.resolve("ns/net.link"), Files.readSymbolicLink(pid.resolve("ns/net")).toString());
                } catch (IOException | RuntimeException e) {
                    // a process that ended meanwhile is not an engine we need
                }
            }
        }
        Files.createDirectories(out.resolve("self/ns"));
        Files.writeString(out.resolve("self/ns/net.link"), Files.readSymbolicLink(proc.resolve("self/ns/net")).toString());
        StringBuilder status = new StringBuilder();
        for (String line : Files.readAllLines(proc.resolve("self/status"))) {
            if (line.startsWith("Uid:") || line.startsWith("CapEff:")) {
                status.append(line).append('\n');
            }
        }
        Files.writeString(out.resolve("self/status"), status.toString());
        Files.createDirectories(out.resolve("sys/kernel/random"));
        Files.copy(proc.resolve("sys/kernel/random/boot_id"), out.resolve("sys/kernel/random/boot_id"));
    }
}

package dev.netlens.cli;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.graph.GraphExport;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netlens export}: discovery (or a saved snapshot) written to a file, with no display. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the topology headless: json (docs/topology-json.md), dot or graphml.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "json, dot or graphml")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "file to write ('-' for standard output)")
    String output;

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine (repeatable). Default: DOCKER_HOST, else the local socket.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "export a saved snapshot instead of discovering")
    Path snapshotFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat exportFormat = ExportFormat.parse(format);
        if (exportFormat == null) {
            err.println("netlens export: unknown format '" + format + "' (use one of: " + ExportFormat.names() + ")");
            return 2;
        }
        TopologySnapshot snapshot;
        if (snapshotFile != null) {
            try {
                snapshot = SnapshotJson.read(snapshotFile);
            } catch (InvalidSnapshotException e) {
                err.println("netlens export: " + e.getMessage());
                return 2;
            }
        } else {
            DiscoveryResult result;
            try (Discovery discovery = Discovery.local()) {
                result = discovery.discover(hosts);
            }
            for (EngineFailure failure : result.failures()) {
                err.println("netlens export: engine " + failure.endpoint() + " skipped: " + failure.message());
            }
            if (result.snapshot().hosts().isEmpty()) {
                err.println("netlens export: no engine could be read; nothing written");
                return 3;
            }
            snapshot = result.snapshot();
        }
        write(snapshot, exportFormat);
        return 0;
    }

    private void write(TopologySnapshot snapshot, ExportFormat exportFormat) throws IOException {
        if ("-".equals(output)) {
            Writer out = spec.commandLine().getOut();
            exportFormat.write(snapshot, out);
            out.flush();
            return;
        }
        // Write beside the target and move into place, so a failed export never leaves half a file.
        Path target = Path.of(output).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".netlens-tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                exportFormat.write(snapshot, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The text formats this command writes. */
    enum ExportFormat {
        JSON {
            @Override
            void write(TopologySnapshot snapshot, Writer out) throws IOException {
                SnapshotJson.write(snapshot, out);
            }
        },
        DOT {
            @Override
            void write(TopologySnapshot snapshot, Writer out) {
                GraphExport.writeDot(TopologyGraph.from(snapshot), out);
            }
        },
        GRAPHML {
            @Override
            void write(TopologySnapshot snapshot, Writer out) {
                GraphExport.writeGraphml(TopologyGraph.from(snapshot), out);
            }
        };

        abstract void write(TopologySnapshot snapshot, Writer out) throws IOException;

        static ExportFormat parse(String name) {
            for (ExportFormat f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }

        static String names() {
            return String.join(", ", java.util.Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}

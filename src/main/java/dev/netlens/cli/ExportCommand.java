package dev.netlens.cli;

import dev.netlens.graph.GraphExport;
import dev.netlens.io.AtomicFile;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.render.Collapsing;
import dev.netlens.render.Drawing;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.PngFit;
import dev.netlens.render.Pictures;
import dev.netlens.render.PngWriter;
import dev.netlens.render.SvgWriter;
import dev.netlens.render.Theme;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        description = "Export the topology headless: json (docs/topology-json.md), dot, graphml, "
                + "or a picture: png or svg (no display needed).")
public final class ExportCommand implements Callable<Integer> {
    /** The smallest --scale taken. */
    private static final double MIN_SCALE = 0.25;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "json, dot, graphml, png or svg")
    String format;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "picture scale, 0.25 to 8 (png: 1, 2 or 4 for screens, print and slides). Default: 1")
    double scale;

    @Option(names = "--max-side", paramLabel = "PX", defaultValue = "" + PngFit.DEFAULT_MAX_SIDE,
            description = "png: the most pixels on a side; a larger picture is scaled down to fit (same shape) "
                    + "and a line on standard error says so, or refused with --no-fit. "
                    + "Default: 16384 (ImageMagick's default limit; many tools refuse larger)")
    int maxSide;

    @Option(names = "--no-fit", description = "png: refuse a picture above --max-side (exit status 2, nothing written) "
            + "instead of scaling it down")
    boolean noFit;

    @Option(names = "--title", paramLabel = "TEXT", description = "picture title, drawn above the graph")
    String title;

    @Option(names = "--legend", description = "draw the legend beside the graph")
    boolean legend;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
            description = "picture colours: light, contrast or dark. Default: light")
    String theme;

    @Option(names = "--collapse", paramLabel = "MODE",
            description = "png and svg: what to fold into one summary shape each. auto: the largest compose "
                    + "projects / stacks first, then the largest networks, until the picture fits 2560x1440 at 1x "
                    + "(nothing when it already does); all: every compose project, swarm stack and service; none: "
                    + "nothing. Given, it wins; else a snapshot file saved from the window is folded as it "
                    + "was saved (its \"collapsed\" field); else auto. json, dot and graphml are never collapsed.")
    String collapse;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "file to write ('-' for standard output)")
    String output;

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine (repeatable). Default: DOCKER_HOST, else the local socket.")
    List<String> hosts = new ArrayList<>();

    @CommandLine.Mixin
    EngineAccessFlags access = new EngineAccessFlags();

    @CommandLine.Mixin
    EngineReachOptions reach = new EngineReachOptions();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "export a saved snapshot instead of discovering")
    Path snapshotFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat exportFormat = ExportFormat.parse(format);
        PictureFormat picture = PictureFormat.parse(format);
        if (exportFormat == null && picture == null) {
            err.println("netlens export: unknown format '" + format + "' (use one of: " + ExportFormat.names()
                    + ", " + PictureFormat.names() + ")");
            return 2;
        }
        PictureOptions options = null;
        Collapsing collapsing = null;
        if (picture != null) {
            options = pictureOptions(err);
            if (options == null) {
                return 2;
            }
        }
        if (collapse != null) {
            collapsing = Collapsing.parse(collapse);
            if (collapsing == null) {
                err.println("netlens export: unknown --collapse '" + collapse + "' (use one of: auto, none, all)");
                return 2;
            }
        }
        TopologySource.Loaded loaded = TopologySource.load(snapshotFile, hosts, access, reach, err, "netlens export");
        if (loaded.failed()) {
            return loaded.status();
        }
        try {
            return export(loaded.file(), exportFormat, picture, options, collapsing, err);
        } catch (IOException e) {
            return OutputFailure.report(err, "netlens export", output, e);
        }
    }

    private int export(SnapshotFile file, ExportFormat exportFormat, PictureFormat picture, PictureOptions options,
            Collapsing collapsing, PrintWriter err) throws IOException {
        java.util.Set<String> folded = picture == null ? java.util.Set.of() : Pictures.collapsedIds(file, collapsing, options);
        if (picture == PictureFormat.PNG) {
            Drawing drawing = Pictures.of(file, options, folded);
            PngFit fit = PngFit.of(drawing, scale, maxSide);
            if (fit.scaledDown() && noFit) {
                err.println("netlens export: " + fit.refusal(MIN_SCALE));
                return 2;
            }
            writeAtomically(out -> picture.write(drawing, fit.scale(), out));
            if (fit.scaledDown()) {
                err.println("netlens export: " + fit.notice());
            }
        } else if (picture != null) {
            Drawing drawing = Pictures.of(file, options, folded);
            writeAtomically(out -> picture.write(drawing, scale, out));
        } else {
            write(file.snapshot(), exportFormat);
        }
        return 0;
    }

    private PictureOptions pictureOptions(PrintWriter err) {
        if (!(scale >= MIN_SCALE && scale <= 8)) {
            err.println("netlens export: --scale must be between 0.25 and 8");
            return null;
        }
        if (maxSide < 1) {
            err.println("netlens export: --max-side must be at least 1 pixel");
            return null;
        }
        Theme t;
        try {
            t = Theme.valueOf(theme.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("netlens export: unknown theme '" + theme + "' (use one of: light, contrast, dark)");
            return null;
        }
        return new PictureOptions(t, title, legend, null);
    }

    /** Something that writes bytes. */
    private void writeAtomically(AtomicFile.Body writer) throws IOException {
        if ("-".equals(output)) {
            spec.commandLine().getOut().flush();
            writer.write(System.out);
            System.out.flush();
            return;
        }
        AtomicFile.write(Path.of(output), writer);
    }

    /** The picture formats, drawn with Java2D (no JavaFX toolkit, no display). */
    enum PictureFormat {
        PNG {
            @Override
            void write(Drawing d, double scale, OutputStream out) throws IOException {
                new PngWriter().write(d, scale, out, f -> { });
            }
        },
        SVG {
            @Override
            void write(Drawing d, double scale, OutputStream out) throws IOException {
                out.write(SvgWriter.toSvg(d, scale).getBytes(StandardCharsets.UTF_8));
            }
        };

        abstract void write(Drawing d, double scale, OutputStream out) throws IOException;

        static PictureFormat parse(String name) {
            for (PictureFormat f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }

        static String names() {
            return "png, svg";
        }
    }

    private void write(TopologySnapshot snapshot, ExportFormat exportFormat) throws IOException {
        if ("-".equals(output)) {
            Writer out = spec.commandLine().getOut();
            exportFormat.write(snapshot, out);
            out.flush();
            return;
        }
        AtomicFile.write(Path.of(output), stream -> {
            Writer out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
            exportFormat.write(snapshot, out);
            out.flush();
        });
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
            void write(TopologySnapshot snapshot, Writer out) throws IOException {
                ioFailure(() -> GraphExport.writeDot(TopologyGraph.from(snapshot), out));
            }
        },
        GRAPHML {
            @Override
            void write(TopologySnapshot snapshot, Writer out) throws IOException {
                ioFailure(() -> GraphExport.writeGraphml(TopologyGraph.from(snapshot), out));
            }
        };

        abstract void write(TopologySnapshot snapshot, Writer out) throws IOException;

        /** JGraphT's exporters wrap a failed write (a full disk) in a RuntimeException: it is an IOException. */
        static void ioFailure(Runnable export) throws IOException {
            try {
                export.run();
            } catch (RuntimeException e) {
                for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                    if (c instanceof IOException io) {
                        throw io;
                    }
                }
                throw e;
            }
        }

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

package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    private static final Path LAB = Path.of("src/test/resources/captures/scan-lab/expected-snapshot.json");

    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = NetlensCommand.commandLine(args);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void savedSnapshotExportsToJsonUnchanged() throws Exception {
        Path out = temp.resolve("out.json");
        assertEquals(0, run("export", "--format", "json", "--output", out.toString(), "--snapshot", LAB.toString()));
        assertEquals(SnapshotJson.read(LAB), SnapshotJson.read(out));
    }

    @Test
    void dotAndGraphmlAreWrittenForGraphTools() throws Exception {
        Path dot = temp.resolve("t.dot");
        Path graphml = temp.resolve("t.graphml");
        assertEquals(0, run("export", "-f", "dot", "-o", dot.toString(), "--snapshot", LAB.toString()));
        assertEquals(0, run("export", "-f", "graphml", "-o", graphml.toString(), "--snapshot", LAB.toString()));
        assertTrue(Files.readString(dot).startsWith("strict graph") || Files.readString(dot).contains("graph"));
        assertTrue(Files.readString(dot).contains("docker0"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(graphml.toFile());
    }

    @Test
    void unknownFormatIsRefusedWithTheChoices() {
        assertEquals(2, run("export", "-f", "pdfx", "-o", temp.resolve("x").toString(), "--snapshot", LAB.toString()));
        assertTrue(err.toString().contains("json, dot, graphml"), err.toString());
        assertFalse(Files.exists(temp.resolve("x")));
    }

    @Test
    void malformedSnapshotFileIsRefusedWithoutAStackTrace() throws Exception {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"netlens.topology/v1\", \"hosts\": [");
        Path out = temp.resolve("out.json");
        assertEquals(2, run("export", "-f", "json", "-o", out.toString(), "--snapshot", bad.toString()));
        assertTrue(err.toString().startsWith("netlens export: not a topology snapshot"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));
    }

    @Test
    void unreachableEngineExitsThreeWithAMessageAndWritesNothing() {
        Path out = temp.resolve("out.json");
        // A unix socket that does not exist: nothing leaves this machine.
        int exit = run("export", "-f", "json", "-o", out.toString(), "--host", "unix://" + temp.resolve("no.sock"));
        assertEquals(3, exit);
        assertTrue(err.toString().contains("skipped"), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void pngAndSvgAreDrawnHeadlessAtTheAskedScale() throws Exception {
        Path png1 = temp.resolve("lab1.png");
        Path png2 = temp.resolve("lab2.png");
        Path svg = temp.resolve("lab.svg");
        assertEquals(0, run("export", "--format", "png", "--output", png1.toString(), "--snapshot", LAB.toString()), err.toString());
        assertEquals(0, run("export", "--format", "png", "--scale", "2", "--title", "Two engines", "--legend",
                "--output", png2.toString(), "--snapshot", LAB.toString()), err.toString());
        assertEquals(0, run("export", "-f", "svg", "--legend", "--theme", "dark", "-o", svg.toString(),
                "--snapshot", LAB.toString()), err.toString());
        java.awt.image.BufferedImage one = javax.imageio.ImageIO.read(png1.toFile());
        java.awt.image.BufferedImage two = javax.imageio.ImageIO.read(png2.toFile());
        assertTrue(one.getWidth() > 1000, "width " + one.getWidth());
        assertTrue(two.getWidth() > 2 * one.getWidth(), "2x, with a legend, is more than twice as wide");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertTrue(f.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("text").getLength() > 50);
    }

    @Test
    void badPictureOptionsAreRefused() {
        assertEquals(2, run("export", "-f", "png", "--scale", "40", "-o", temp.resolve("x.png").toString(),
                "--snapshot", LAB.toString()));
        assertTrue(err.toString().contains("--scale"), err.toString());
        assertEquals(2, run("export", "-f", "png", "--theme", "neon", "-o", temp.resolve("x.png").toString(),
                "--snapshot", LAB.toString()));
        assertFalse(Files.exists(temp.resolve("x.png")));
    }

    /**
     * Forty one-container hosts side by side: about 10,500 x 540 units, so a 2x PNG would be about
     * 21,000 px wide, above the 16,384 px limit, while scaled to fit it stays small (16,384 x ~850).
     */
    private Path wideSnapshot() throws Exception {
        Path file = temp.resolve("wide.json");
        try (var w = Files.newBufferedWriter(file)) {
            SnapshotJson.write(new SnapshotFile(SyntheticSnapshots.bridges(40, 1, 1), Map.of()), w);
        }
        return file;
    }

    /** Width and height from the PNG's IHDR chunk. */
    private static int[] pngHeader(Path png) throws Exception {
        try (InputStream in = Files.newInputStream(png)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(in.readNBytes(24));
            assertEquals(0x49484452, b.getInt(12), "IHDR");
            return new int[] {b.getInt(16), b.getInt(20)};
        }
    }

    @Test
    void aPngAboveTheSideLimitIsScaledDownToFitAndSaysSoInOneLine() throws Exception {
        Path wide = wideSnapshot();
        Path png = temp.resolve("wide.png");
        assertEquals(0, run("export", "-f", "png", "--scale", "2", "-o", png.toString(), "--snapshot", wide.toString()),
                err.toString());
        int[] size = pngHeader(png);
        assertEquals(16_384, size[0], "the longer side fits exactly");
        assertTrue(size[1] <= 16_384 && size[1] > 500, "height " + size[1]);
        String said = err.toString();
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("netlens export: picture scaled to 1.") && said.contains("x to fit 16,384 px a side"
                + " (requested 2x would be ") && said.contains("; written 16,384 x " + String.format(java.util.Locale.ROOT, "%,d", size[1]) + " px)")
                && said.strip().endsWith("use --collapse or SVG for full detail"), said);
    }

    @Test
    void noFitRefusesAPngAboveTheLimitWithStatusTwoAndWritesNothing() throws Exception {
        Path wide = wideSnapshot();
        Path png = temp.resolve("wide.png");
        assertEquals(2, run("export", "-f", "png", "--scale", "2", "--no-fit", "-o", png.toString(),
                "--snapshot", wide.toString()));
        assertFalse(Files.exists(png));
        try (var left = Files.list(temp)) {
            assertEquals(java.util.List.of(wide), left.toList(), "no partial or temporary file");
        }
        String said = err.toString();
        assertTrue(said.startsWith("netlens export: the PNG would be ") && said.contains("px at 2x, above 16,384 px a side"
                + " (--max-side); nothing written") && said.contains("--no-fit"), said);
        assertFalse(said.contains("\tat "), "no stack trace");
    }

    @Test
    void maxSideSetsTheLimitAndAPictureWithinItIsWrittenAsAskedWithoutANotice() throws Exception {
        Path small = temp.resolve("small.png");
        assertEquals(0, run("export", "-f", "png", "--scale", "2", "--max-side", "800", "-o", small.toString(),
                "--snapshot", LAB.toString()), err.toString());
        int[] size = pngHeader(small);
        assertEquals(800, Math.max(size[0], size[1]));
        assertTrue(err.toString().contains("to fit 800 px a side (requested 2x would be "), err.toString());

        err.getBuffer().setLength(0);
        Path asked = temp.resolve("asked.png");
        assertEquals(0, run("export", "-f", "png", "--no-fit", "-o", asked.toString(), "--snapshot", LAB.toString()),
                err.toString());
        assertTrue(pngHeader(asked)[0] > 1000);
        assertEquals("", err.toString(), "nothing said when the picture fits");

        assertEquals(2, run("export", "-f", "png", "--max-side", "0", "-o", temp.resolve("x.png").toString(),
                "--snapshot", LAB.toString()));
        assertTrue(err.toString().contains("--max-side must be at least 1"), err.toString());
        assertFalse(Files.exists(temp.resolve("x.png")));
    }

    @Test
    void svgIsNotScaledByTheSideLimit() throws Exception {
        Path wide = wideSnapshot();
        Path svg = temp.resolve("wide.svg");
        assertEquals(0, run("export", "-f", "svg", "--scale", "2", "--no-fit", "-o", svg.toString(),
                "--snapshot", wide.toString()), err.toString());
        assertEquals("", err.toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        String width = f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getAttribute("width");
        assertTrue(Double.parseDouble(width.replace("px", "")) > 16_384, "full size: " + width);
    }
}

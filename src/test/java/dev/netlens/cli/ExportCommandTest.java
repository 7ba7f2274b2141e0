package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.SnapshotJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}

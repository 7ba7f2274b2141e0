package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private static final Path LAB = Path.of("src/test/resources/captures/scan-lab/expected-snapshot.json");

    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.run(new StringWriter(), err, args);
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
     * Exported with {@code --collapse none}: these sizes are the unfolded picture's (the default, auto,
     * folds the forty networks, which still do not fit).
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
        assertEquals(0, run("export", "-f", "png", "--scale", "2", "--collapse", "none", "-o", png.toString(),
                "--snapshot", wide.toString()), err.toString());
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
        assertEquals(2, run("export", "-f", "png", "--scale", "2", "--no-fit", "--collapse", "none", "-o", png.toString(),
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
        assertEquals(0, run("export", "-f", "svg", "--scale", "2", "--no-fit", "--collapse", "none", "-o", svg.toString(),
                "--snapshot", wide.toString()), err.toString());
        assertEquals("", err.toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        String width = f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getAttribute("width");
        assertTrue(Double.parseDouble(width.replace("px", "")) > 16_384, "full size: " + width);
    }

    private static final Path DEVHOST = Path.of("src/test/resources/snapshots/devhost-50.json");

    /** The containers of {@code g} inside a group (compose project), by id. */
    private static java.util.Set<String> groupedContainers(dev.netlens.graph.TopologyGraph g) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String group : dev.netlens.graph.Collapse.allGroups(g)) {
            for (String id : g.descendants(group)) {
                if (g.node(id).orElseThrow().kind() == dev.netlens.graph.NodeKind.CONTAINER) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    private static java.util.Set<String> refs(dev.netlens.render.Drawing d) {
        java.util.Set<String> out = new java.util.HashSet<>();
        d.items().forEach(i -> out.add(i.ref()));
        return out;
    }

    @Test
    void collapseAllFoldsEveryGroupAndNoneKeepsEveryContainerCard() throws Exception {
        Path all = temp.resolve("all.png");
        Path none = temp.resolve("none.png");
        assertEquals(0, run("export", "-f", "png", "--collapse", "all", "-o", all.toString(), "--snapshot", DEVHOST.toString()),
                err.toString());
        assertEquals(0, run("export", "-f", "png", "--collapse", "none", "-o", none.toString(), "--snapshot", DEVHOST.toString()),
                err.toString());
        int[] a = pngHeader(all);
        int[] n = pngHeader(none);
        assertTrue((long) a[0] * a[1] < 0.8 * n[0] * n[1], "folded: " + a[0] + "x" + a[1] + ", not: " + n[0] + "x" + n[1]);

        // What those pictures are drawn from: no card of a folded project's container, one summary each.
        SnapshotFile file = SnapshotJson.readFile(DEVHOST);
        var options = dev.netlens.render.PictureOptions.plain();
        dev.netlens.graph.TopologyGraph whole = dev.netlens.graph.TopologyGraph.from(file.snapshot());
        java.util.Set<String> cards = groupedContainers(whole);
        assertEquals(26, cards.size(), "the devhost's five projects of five and edge-proxy-1");
        java.util.Set<String> folded = dev.netlens.render.Pictures.collapsedIds(file, dev.netlens.render.Collapsing.ALL, options);
        assertEquals(dev.netlens.graph.Collapse.allGroups(whole), folded);
        java.util.Set<String> drawnAll = refs(dev.netlens.render.Pictures.of(file, options, folded));
        cards.forEach(c -> assertFalse(drawnAll.contains(c), "folded away: " + c));
        folded.forEach(g -> assertTrue(drawnAll.contains(dev.netlens.graph.Collapse.summaryId(g)), "summary of " + g));
        java.util.Set<String> drawnNone = refs(dev.netlens.render.Pictures.of(file, options,
                dev.netlens.render.Pictures.collapsedIds(file, dev.netlens.render.Collapsing.NONE, options)));
        cards.forEach(c -> assertTrue(drawnNone.contains(c), "drawn: " + c));
        assertTrue(drawnNone.stream().noneMatch(r -> r.startsWith("sum:")));
    }

    @Test
    void withoutCollapseAFileSavedFoldedIsDrawnAsSavedElseAutoAndTheOptionWins() throws Exception {
        SnapshotFile devhost = SnapshotJson.readFile(DEVHOST);
        var options = dev.netlens.render.PictureOptions.plain();
        String shop = dev.netlens.graph.TopologyGraph.groupId(devhost.snapshot().hosts().get(0).id(), "compose", "shop");
        Path saved = temp.resolve("saved.json");
        try (var w = Files.newBufferedWriter(saved)) {
            SnapshotJson.write(new SnapshotFile(devhost.snapshot(), Map.of(), java.util.List.of(shop)), w);
        }
        SnapshotFile file = SnapshotJson.readFile(saved);
        assertEquals(java.util.Set.of(shop), dev.netlens.render.Pictures.collapsedIds(file, null, options), "the file's own");
        assertEquals(java.util.Set.of(), dev.netlens.render.Pictures.collapsedIds(file, dev.netlens.render.Collapsing.NONE, options),
                "the option wins");
        assertEquals(dev.netlens.render.Pictures.collapsedIds(devhost, dev.netlens.render.Collapsing.AUTO, options),
                dev.netlens.render.Pictures.collapsedIds(devhost, null, options), "no field: auto");

        Path fromFile = temp.resolve("file.svg");
        Path none = temp.resolve("none.svg");
        assertEquals(0, run("export", "-f", "svg", "-o", fromFile.toString(), "--snapshot", saved.toString()), err.toString());
        assertEquals(0, run("export", "-f", "svg", "--collapse", "none", "-o", none.toString(), "--snapshot", saved.toString()),
                err.toString());
        long textsFolded = Files.readString(fromFile).split("<text", -1).length;
        long textsNone = Files.readString(none).split("<text", -1).length;
        assertTrue(textsFolded < textsNone, "the saved fold is drawn: " + textsFolded + " texts, " + textsNone + " unfolded");
        assertTrue(Files.readString(none).contains(">shop-api-1<"), "--collapse none draws every card");
    }

    @Test
    void anUnknownCollapseIsRefusedAndDataFormatsAreNeverCollapsed() throws Exception {
        assertEquals(2, run("export", "-f", "png", "--collapse", "some", "-o", temp.resolve("x.png").toString(),
                "--snapshot", DEVHOST.toString()));
        assertTrue(err.toString().contains("--collapse") && err.toString().contains("auto, none, all"), err.toString());
        assertFalse(Files.exists(temp.resolve("x.png")));
        Path json = temp.resolve("out.json");
        assertEquals(0, run("export", "-f", "json", "--collapse", "all", "-o", json.toString(), "--snapshot", DEVHOST.toString()));
        assertEquals(SnapshotJson.read(DEVHOST), SnapshotJson.read(json));
        assertFalse(Files.readString(json).contains("\"collapsed\""));
        Path dot = temp.resolve("out.dot");
        assertEquals(0, run("export", "-f", "dot", "--collapse", "all", "-o", dot.toString(), "--snapshot", DEVHOST.toString()));
        assertFalse(Files.readString(dot).contains("sum:"), "the graph for graph tools is not folded");
    }
}

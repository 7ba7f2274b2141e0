package dev.netlens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Pictures drawn with Java2D, no display: PNG at several scales, SVG with text, tiles. */
class PictureExportTest {
    static final List<String> RECORDED = List.of("src/test/resources/snapshots/lab.json",
            "src/test/resources/captures/scan-lab/expected-snapshot.json");

    static SnapshotFile load(String path) throws Exception {
        return SnapshotJson.readFile(Path.of(path));
    }

    private static BufferedImage png(Drawing d, double scale, int limit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngWriter(limit).write(d, scale, out, f -> { });
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void pngOfARecordedLabHasTheExpectedSizeAndIsNotBlank(int scale) throws Exception {
        for (String path : RECORDED) {
            Drawing d = Pictures.of(load(path), new PictureOptions(Theme.LIGHT, "Lab", true, null));
            BufferedImage img = png(d, scale, TilePlan.DEFAULT_LIMIT);
            assertEquals((int) Math.ceil(d.width() * scale), img.getWidth(), path);
            assertEquals((int) Math.ceil(d.height() * scale), img.getHeight(), path);
            assertTrue(d.width() > 1000 && d.height() > 400, "a lab picture is large: " + d.width() + "x" + d.height());
            int background = d.background() & 0xffffff;
            Set<Integer> colours = new HashSet<>();
            long ink = 0;
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    int c = img.getRGB(x, y) & 0xffffff;
                    colours.add(c);
                    if (c != background) {
                        ink++;
                    }
                }
            }
            double drawn = ink / ((img.getWidth() / 3.0) * (img.getHeight() / 3.0));
            assertTrue(drawn > 0.2, path + ": only " + drawn + " of the picture is drawn on");
            assertTrue(colours.size() > 20, path + ": " + colours.size() + " colours");
        }
    }

    @Test
    void svgParsesAsXmlWithEveryNodeLabelAsText() throws Exception {
        for (String path : RECORDED) {
            SnapshotFile file = load(path);
            Drawing d = Pictures.of(file, new PictureOptions(Theme.DARK, "Lab", true, null));
            String svg = SvgWriter.toSvg(d, 1);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            NodeList texts = doc.getElementsByTagNameNS("*", "text");
            Set<String> shown = new HashSet<>();
            for (int i = 0; i < texts.getLength(); i++) {
                shown.add(texts.item(i).getTextContent());
            }
            TopologyGraph g = TopologyGraph.from(file.snapshot());
            for (TopoNode n : g.nodes()) {
                if (n.kind() == NodeKind.CONTAINER || n.kind() == NodeKind.BRIDGE || n.kind() == NodeKind.HOST) {
                    assertTrue(shown.contains(n.label()), path + ": no text " + n.label());
                }
            }
            assertTrue(shown.contains("Legend") && shown.contains("Lab"));
            assertEquals(Math.ceil(d.width()), Double.parseDouble(doc.getDocumentElement().getAttribute("width")
                    .replace("px", "")));
        }
    }

    @Test
    void aPictureAboveTheLimitIsDrawnInTilesWithTheSamePixels() throws Exception {
        TilePlan big = TilePlan.of(20000, 9000, TilePlan.DEFAULT_LIMIT);
        assertTrue(big.tiled());
        assertTrue(big.tiles().stream().allMatch(t -> t.w() <= 8192 && t.h() <= 8192));
        assertEquals(20000L * 9000, big.tiles().stream().mapToLong(t -> (long) t.w() * t.h()).sum());
        assertTrue(!TilePlan.of(1920, 1080, TilePlan.DEFAULT_LIMIT).tiled());

        Drawing d = Pictures.of(load(RECORDED.get(0)), PictureOptions.plain());
        PngWriter small = new PngWriter(300);
        assertTrue(small.plan(d, 1).tiles().size() > 4, "tiles used above the limit");
        BufferedImage tiled = png(d, 1, 300);
        BufferedImage whole = png(d, 1, TilePlan.DEFAULT_LIMIT);
        assertEquals(whole.getWidth(), tiled.getWidth());
        assertEquals(whole.getHeight(), tiled.getHeight());
        long differ = 0;
        for (int y = 0; y < whole.getHeight(); y++) {
            int[] a = whole.getRGB(0, y, whole.getWidth(), 1, null, 0, whole.getWidth());
            int[] b = tiled.getRGB(0, y, whole.getWidth(), 1, null, 0, whole.getWidth());
            for (int x = 0; x < a.length; x++) {
                if (a[x] != b[x]) {
                    differ++;
                }
            }
        }
        assertTrue(differ < whole.getWidth() * (long) whole.getHeight() / 1000, differ + " pixels differ at tile seams");
    }

    @Test
    void paletteFeedsTheStylesheetAsLookedUpColours() {
        String css = Palette.css(Theme.DARK);
        assertTrue(css.contains("-nl-canvas: #0f1317;"), css);
        for (Theme t : Theme.values()) {
            assertEquals(Palette.colours(Theme.LIGHT).keySet(), Palette.colours(t).keySet(), t + " names every colour");
            // The colour-blind-safe accents are the same in every theme.
            assertEquals(0xffE69F00, Palette.argb(t, "orange"));
            assertEquals(0xff0072B2, Palette.argb(t, "blue"));
        }
    }

    @Test
    void twoThousandVerticesExportAsTiledPngAndSvg() throws Exception {
        // How fast is the benchmark's job (docs/benchmarks.md, "PNG 2x export"): no clock here.
        SnapshotFile file = new SnapshotFile(SyntheticSnapshots.bridges(4, 5, 130), Map.of());
        Pictures.of(new SnapshotFile(SyntheticSnapshots.bridges(1, 1, 3), Map.of()), PictureOptions.plain()); // warm up
        long t0 = System.nanoTime();
        Drawing d = Pictures.of(file, new PictureOptions(Theme.LIGHT, "2,000 vertices", true, null));
        long t1 = System.nanoTime();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        TilePlan plan = new PngWriter().write(d, 1, png, f -> { });
        long t2 = System.nanoTime();
        String svg = SvgWriter.toSvg(d, 1);
        long t3 = System.nanoTime();
        System.out.printf("export 2000+ vertices: layout+drawing %d ms, png %dx%d (%d tiles, %d KB) %d ms, svg (%d KB) %d ms%n",
                (t1 - t0) / 1_000_000, plan.width(), plan.height(), plan.tiles().size(), png.size() / 1024,
                (t2 - t1) / 1_000_000, svg.length() / 1024, (t3 - t2) / 1_000_000);
        assertTrue(plan.tiles().size() > 1, "written tile by tile: " + plan.tiles().size());
        assertTrue(svg.contains("2,000 vertices"), "the SVG keeps its title as text");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png.toByteArray(), 4));
    }
}

package dev.netlens.ui.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.render.AwtLabelMetrics;
import dev.netlens.render.Theme;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.language.I18n;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export picture (and Ctrl+S) keep a PNG within 16,384 px a side, as the CLI does, and the banner says so. */
@ExtendWith(ApplicationExtension.class)
class PictureFitInWindowTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());

    @TempDir
    Path temp;

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    private static int[] pngHeader(Path png) throws Exception {
        try (InputStream in = Files.newInputStream(png)) {
            ByteBuffer b = ByteBuffer.wrap(in.readNBytes(24));
            assertEquals(0x49484452, b.getInt(12), "IHDR");
            return new int[] {b.getInt(16), b.getInt(20)};
        }
    }

    @Test
    void aPngAboveTheLimitIsScaledDownToFitAndTheBannerSaysSoWhileSvgKeepsItsSize(FxRobot robot) throws Exception {
        // Forty one-container hosts side by side: about 10,500 units wide, so 2x would be about 21,000 px.
        TopologyGraph graph = TopologyGraph.from(SyntheticSnapshots.bridges(40, 1, 1));
        Layout layout = new StableLayout(new StackLayout(new AwtLabelMetrics())).layout(graph, Layout.EMPTY, () -> false);
        PictureSource source = new PictureSource(graph, layout,
                graph.nodes().stream().map(TopoNode::id).collect(Collectors.toSet()), null, null, Theme.LIGHT);
        SameThreadExecutor executor = new SameThreadExecutor();
        FileViewModel files = new FileViewModel(new TopologyState(executor, new StableLayout(new StackLayout())), executor,
                new RecentFiles(prefs), new I18n(Locale.ENGLISH));

        Path png = temp.resolve("wide.png");
        robot.interact(() -> files.export(new ExportRequest(png, false, 2, false, "Forty hosts", true), source));
        WaitForAsyncUtils.waitForFxEvents();
        int[] size = pngHeader(png);
        assertEquals(16_384, size[0], "the longer side fits exactly");
        assertTrue(size[1] <= 16_384);
        String message = files.messageProperty().get();
        assertTrue(message.startsWith("Picture written: " + png + ", scaled to 1.")
                && message.contains("x to fit 16,384 px a side (2x would be ")
                && message.contains("; written 16,384 x " + String.format(Locale.ROOT, "%,d", size[1]) + " px)")
                && message.endsWith("Export SVG for full detail"), message);
        assertFalse(files.messageIsErrorProperty().get());
        assertEquals(-1, files.progressProperty().get());

        Path svg = temp.resolve("wide.svg");
        robot.interact(() -> files.export(new ExportRequest(svg, true, 2, false, null, false), source));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Picture written: " + svg, files.messageProperty().get(), "SVG is not scaled");

        String korean = new I18n(Locale.KOREAN).get("banner.exportedScaled", png, "1.56", "16,384", "2", "20,988",
                "1,084", "16,384", "847");
        assertTrue(korean.contains("16,384 px") && korean.contains("SVG") && !korean.contains("{"), korean);
    }
}

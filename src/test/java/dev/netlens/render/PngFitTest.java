package dev.netlens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.layout.Rect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A PNG never exceeds the side limit (16,384 px by default) silently: it is scaled down to fit, and says so. */
class PngFitTest {
    private static final int RED = 0xffd01020;
    private static final int BLUE = 0xff1030c0;

    /** A drawing built directly: a red box at its left end, a blue one at its right end, a label between. */
    static Drawing drawing(double width, double height) {
        int paper = 0xffffffff;
        return new Drawing(width, height, paper, List.of(
                new Item.Shape("left", Outline.RECT, new Rect(32, 32, 200, height - 64), 0, RED, StrokeSpec.solid(RED, 1)),
                new Item.Shape("right", Outline.RECT, new Rect(width - 232, 32, 200, height - 64), 0, BLUE,
                        StrokeSpec.solid(BLUE, 1)),
                new Item.Text("label", "a very wide picture", width / 2, height / 2, 16, true, 0xff000000, true, 400)));
    }

    /** Width and height from the PNG's IHDR chunk (right after the 8-byte signature, length and type). */
    static int[] pngHeader(byte[] png) {
        assertEquals("IHDR", new String(png, 12, 4, StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.wrap(png);
        return new int[] {b.getInt(16), b.getInt(20)};
    }

    private static byte[] png(Drawing d, double scale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PngWriter().write(d, scale, out, f -> { });
        return out.toByteArray();
    }

    @Test
    void aWideDrawingAt2xIsScaledDownSoTheLongerSideIs16384AndTheWholeDrawingIsIn() throws Exception {
        Drawing d = drawing(13_344, 240);
        PngFit fit = PngFit.of(d, 2, PngFit.DEFAULT_MAX_SIDE);
        assertTrue(fit.scaledDown());
        assertEquals(26_688, fit.requestedWidth());
        assertEquals(480, fit.requestedHeight());
        byte[] bytes = png(d, fit.scale());
        int[] size = pngHeader(bytes);
        assertEquals(16_384, size[0], "the longer side fits exactly");
        assertTrue(size[1] <= 16_384);
        assertEquals(240 * 16_384 / 13_344.0, size[1], 1, "same shape");
        assertEquals(fit.width(), size[0]);
        assertEquals(fit.height(), size[1]);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        int mid = img.getHeight() / 2;
        assertEquals(RED & 0xffffff, img.getRGB(20 + (int) (132 * fit.scale()), mid) & 0xffffff, "left end drawn");
        assertEquals(BLUE & 0xffffff, img.getRGB((int) ((13_344 - 132) * fit.scale()), mid) & 0xffffff,
                "right end drawn: scaled, not cut");
        assertEquals("picture scaled to 1.23x to fit 16,384 px a side (requested 2x would be 26,688 x 480 px;"
                + " written 16,384 x 295 px); use --collapse or SVG for full detail", fit.notice());
    }

    @Test
    void aTallDrawingFitsByItsHeight() throws Exception {
        Drawing d = drawing(300, 9_000);
        PngFit fit = PngFit.of(d, 4, PngFit.DEFAULT_MAX_SIDE);
        int[] size = pngHeader(png(d, fit.scale()));
        assertEquals(16_384, size[1]);
        assertEquals(300 * 16_384 / 9_000.0, size[0], 1);
        assertTrue(fit.notice().startsWith("picture scaled to 1.82x to fit 16,384 px a side (requested 4x would be"
                + " 1,200 x 36,000 px"), fit.notice());
    }

    @Test
    void aPictureThatFitsKeepsItsScaleAndTheLimitItselfFits() {
        PngFit exact = PngFit.of(drawing(8_192, 100), 2, PngFit.DEFAULT_MAX_SIDE);
        assertFalse(exact.scaledDown(), "16,384 px is allowed");
        assertEquals(2, exact.scale());
        assertEquals(16_384, exact.width());
        PngFit over = PngFit.of(drawing(8_192.25, 100), 2, PngFit.DEFAULT_MAX_SIDE);
        assertTrue(over.scaledDown(), "16,385 px is not");
        assertEquals(16_384, over.width());
    }

    @Test
    void theFittedSizeNeverExceedsTheLimitWhateverTheRounding() {
        double[] widths = {8_192.000001, 9_999.9, 13_344, 16_385, 33_333.3333, 123_456.7, 1e6 + 0.1};
        double[] scales = {0.25, 1, 2, 4, 8};
        int[] limits = {16_384, 10_000, 4_099, 1_000, 7};
        for (double w : widths) {
            for (double s : scales) {
                for (int max : limits) {
                    Drawing d = new Drawing(w, w / 3.7, 0xffffffff, List.of());
                    PngFit fit = PngFit.of(d, s, max);
                    String what = w + " at " + s + "x, limit " + max;
                    assertTrue(fit.width() <= max && fit.height() <= max, what + ": " + fit);
                    if (fit.scaledDown()) {
                        assertEquals(max, fit.width(), what + ": the longer side is the limit");
                    } else {
                        assertEquals(s, fit.scale(), what);
                    }
                }
            }
        }
    }

    @Test
    void theRefusalSaysWhatWouldHaveBeenWrittenAndWhatToDo() {
        PngFit fit = PngFit.of(drawing(13_344, 240), 2, PngFit.DEFAULT_MAX_SIDE);
        assertEquals("the PNG would be 26,688 x 480 px at 2x, above 16,384 px a side (--max-side); nothing written."
                + " Use --scale 1.22 or less, --collapse or SVG for full detail, or leave out --no-fit to scale it down"
                + " to fit", fit.refusal(0.25));
        assertFalse(PngFit.of(drawing(200_000, 240), 2, PngFit.DEFAULT_MAX_SIDE).refusal(0.25).contains("--scale"),
                "no --scale below the smallest one taken is suggested");
        assertEquals("0.5", PngFit.scaleText(0.5));
        assertEquals("4", PngFit.scaleText(4));
        assertEquals("0.0819", PngFit.scaleText(0.081_92));
    }

    @Test
    void svgIsUnaffected() {
        Drawing d = drawing(13_344, 240);
        String svg = SvgWriter.toSvg(d, 2);
        assertTrue(svg.contains("width='26688.0px'") && svg.contains("height='480.0px'"), svg.substring(0, 300));
        assertTrue(svg.contains("a very wide picture"));
    }
}

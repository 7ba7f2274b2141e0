package dev.netlens.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The size a PNG is written at: the asked scale, or, when that would put more than {@code maxSide}
 * pixels on a side, the largest scale that fits (same shape). Many tools refuse larger images
 * (ImageMagick's default limit is 16,384 px a side), so a picture is never written above it silently:
 * the CLI and the window both say when they scaled it down, and the CLI can refuse instead.
 *
 * @param requestedScale the scale asked for (1x, 2x, 4x...)
 * @param requestedWidth the width in pixels at the asked scale
 * @param scale the scale the PNG is written at: {@code requestedScale}, or less to fit
 * @param width the width in pixels written
 */
public record PngFit(double requestedScale, int requestedWidth, int requestedHeight, double scale, int width,
                     int height, int maxSide) {
    /** ImageMagick's default width and height limit; many viewers and converters refuse larger. */
    public static final int DEFAULT_MAX_SIDE = 16_384;

    public static PngFit of(Drawing d, double scale, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("max side " + maxSide);
        }
        int[] asked = PngWriter.size(d, scale);
        if (asked[0] <= maxSide && asked[1] <= maxSide) {
            return new PngFit(scale, asked[0], asked[1], scale, asked[0], asked[1], maxSide);
        }
        double s = Math.min(scale, maxSide / Math.max(d.width(), d.height()));
        int[] size = PngWriter.size(d, s);
        while (size[0] > maxSide || size[1] > maxSide) { // a rounding step too far: the next double down
            s = Math.nextDown(s);
            size = PngWriter.size(d, s);
        }
        return new PngFit(scale, asked[0], asked[1], s, size[0], size[1], maxSide);
    }

    /** Whether the PNG is written smaller than asked. */
    public boolean scaledDown() {
        return scale < requestedScale;
    }

    /**
     * One line for the command line, when {@link #scaledDown()}: e.g. "picture scaled to 1.23x to fit
     * 16,384 px a side (requested 2x would be 26,688 x 15,000 px; written 16,384 x 9,209 px); use
     * --collapse or SVG for full detail".
     */
    public String notice() {
        return "picture scaled to " + scaleText(scale) + "x to fit " + px(maxSide) + " px a side (requested "
                + scaleText(requestedScale) + "x would be " + px(requestedWidth) + " x " + px(requestedHeight)
                + " px; written " + px(width) + " x " + px(height) + " px); use --collapse or SVG for full detail";
    }

    /** One line for the command line, when a picture that does not fit is refused (--no-fit). */
    public String refusal(double smallestScaleOption) {
        double most = new BigDecimal(scale).setScale(2, RoundingMode.FLOOR).doubleValue();
        String smaller = most >= smallestScaleOption ? "--scale " + scaleText(most) + " or less, " : "";
        return "the PNG would be " + px(requestedWidth) + " x " + px(requestedHeight) + " px at "
                + scaleText(requestedScale) + "x, above " + px(maxSide) + " px a side (--max-side); nothing written. Use "
                + smaller + "--collapse or SVG for full detail, or leave out --no-fit to scale it down to fit";
    }

    /** Pixels with thousands separators: 16,384. */
    public static String px(int pixels) {
        return String.format(Locale.ROOT, "%,d", pixels);
    }

    /** A scale as people write it: 2, 0.5, 1.23 (three significant digits at most). */
    public static String scaleText(double scale) {
        BigDecimal b = new BigDecimal(scale).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}

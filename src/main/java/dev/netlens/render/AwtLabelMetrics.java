package dev.netlens.render;

import dev.netlens.layout.LabelMetrics;
import java.awt.Font;
import dev.netlens.layout.TypeScale;
import java.awt.font.FontRenderContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label widths measured with the fonts pictures are drawn in (Java2D, no display needed), so a
 * headless export sizes shapes to fit its own text.
 */
public final class AwtLabelMetrics implements LabelMetrics {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private final Font label = new Font(Graphics2DTarget.FAMILY, Font.BOLD, (int) TypeScale.LABEL);
    private final Font caption = new Font(Graphics2DTarget.FAMILY, Font.PLAIN, (int) TypeScale.CAPTION);
    private final Font title = new Font(Graphics2DTarget.FAMILY, Font.BOLD, (int) TypeScale.HOST_TITLE);
    private final Map<String, Double> cache = new ConcurrentHashMap<>();

    @Override
    public double width(String text, Style style) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return cache.computeIfAbsent(style.name() + '\u0000' + text, k -> {
            Font f = switch (style) {
                case TITLE -> title;
                case LABEL -> label;
                case CAPTION -> caption;
            };
            return Math.ceil(f.getStringBounds(text, FRC).getWidth()) + 2;
        });
    }
}

package dev.netlens.ui.topology;

import dev.netlens.layout.LabelMetrics;
import dev.netlens.layout.TypeScale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Measures labels with the fonts the stylesheet uses (sizes from {@link TypeScale}: label semibold,
 * caption, title bold), so shapes fit their text. Safe off the FX thread: a detached Text node.
 */
public final class FxLabelMetrics implements LabelMetrics {
    public static final double LABEL_SIZE = TypeScale.LABEL;
    public static final double CAPTION_SIZE = TypeScale.CAPTION;
    public static final double TITLE_SIZE = TypeScale.HOST_TITLE;
    /** Widths kept at most (then forgotten at once): bounded, as the soak of issue 15 showed it must be. */
    static final int MAX_CACHED = 20_000;
    private final Map<String, Double> cache = new ConcurrentHashMap<>();
    private final Font label;
    private final Font caption;
    private final Font title;

    public FxLabelMetrics() {
        String family = Font.getDefault().getFamily();
        label = Font.font(family, FontWeight.SEMI_BOLD, LABEL_SIZE);
        caption = Font.font(family, FontWeight.NORMAL, CAPTION_SIZE);
        title = Font.font(family, FontWeight.BOLD, TITLE_SIZE);
    }

    @Override
    public double width(String text, Style style) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear(); // a live window meets ever new names (containers come and go): measure again
        }
        return cache.computeIfAbsent(style.name() + '\u0000' + text, k -> {
            Text t = new Text(text);
            t.setFont(switch (style) {
                case TITLE -> title;
                case LABEL -> label;
                case CAPTION -> caption;
            });
            return Math.ceil(t.getLayoutBounds().getWidth()) + 2;
        });
    }
}

package dev.netlens.layout;

/**
 * Text widths for sizing shapes without a UI toolkit. The default estimate is tuned for the view's
 * fonts ({@link TypeScale}); a toolkit can supply exact measurements instead.
 */
@FunctionalInterface
public interface LabelMetrics {
    enum Style { TITLE, LABEL, CAPTION }

    double width(String text, Style style);

    LabelMetrics ESTIMATE = (text, style) -> {
        if (text == null) {
            return 0;
        }
        double perChar = switch (style) {
            case TITLE -> 0.52 * TypeScale.HOST_TITLE;
            case LABEL -> 0.59 * TypeScale.LABEL;
            case CAPTION -> 0.585 * TypeScale.CAPTION;
        };
        return text.length() * perChar;
    };
}

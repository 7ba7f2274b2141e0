package dev.netlens.layout;

/**
 * Text widths for sizing shapes without a UI toolkit. The default estimate is tuned for the view's
 * fonts (label 16 px semibold, caption 13 px); a toolkit can supply exact measurements instead.
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
            case TITLE -> 11.5;
            case LABEL -> 9.4;
            case CAPTION -> 7.6;
        };
        return text.length() * perChar;
    };
}

package dev.netlens.ui.file;

import dev.netlens.render.Collapsing;
import java.nio.file.Path;

/**
 * A picture to write.
 *
 * @param svg SVG (vector) rather than PNG
 * @param scale 1, 2 or 4 (pixels per unit)
 * @param visiblePart only what the canvas shows now, rather than the whole graph
 * @param collapse what to fold in the picture, or null for as the window shows it (always so for the
 *     visible part)
 */
public record ExportRequest(Path file, boolean svg, double scale, boolean visiblePart, String title, boolean legend,
                            Collapsing collapse) {
    /** A picture folded as the window shows it. */
    public ExportRequest(Path file, boolean svg, double scale, boolean visiblePart, String title, boolean legend) {
        this(file, svg, scale, visiblePart, title, legend, null);
    }
}

package dev.netlens.ui.file;

import java.nio.file.Path;

/**
 * A picture to write.
 *
 * @param svg SVG (vector) rather than PNG
 * @param scale 1, 2 or 4 (pixels per unit)
 * @param visiblePart only what the canvas shows now, rather than the whole graph
 */
public record ExportRequest(Path file, boolean svg, double scale, boolean visiblePart, String title, boolean legend) {
}

package dev.netlens.render;

import dev.netlens.layout.Rect;

/**
 * What a picture shows besides the graph.
 *
 * @param title drawn above the graph, or null for none
 * @param legend whether a legend panel is drawn beside the graph
 * @param region the part of the world to draw (the window's visible part), or null for everything
 */
public record PictureOptions(Theme theme, String title, boolean legend, Rect region) {
    public static PictureOptions plain() {
        return new PictureOptions(Theme.LIGHT, null, false, null);
    }
}

package dev.netlens.render;

/** Something a {@link Drawing} can be played on: a Java2D raster or SVG document, or a screen. */
public interface RenderTarget {
    void shape(Item.Shape shape);

    void curve(Item.Curve curve);

    void text(Item.Text text);
}

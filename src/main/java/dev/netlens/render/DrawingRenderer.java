package dev.netlens.render;

import dev.netlens.layout.Rect;

/** Plays a drawing's primitives, in order, on a target. */
public final class DrawingRenderer {
    private DrawingRenderer() {
    }

    public static void render(Drawing drawing, RenderTarget target) {
        render(drawing, target, null);
    }

    /** Plays only the primitives that reach {@code area} (picture units), or all when it is null. */
    public static void render(Drawing drawing, RenderTarget target, Rect area) {
        for (Item item : drawing.items()) {
            if (area != null && !area.overlaps(item.bounds(), 0)) {
                continue;
            }
            if (item instanceof Item.Shape s) {
                target.shape(s);
            } else if (item instanceof Item.Curve c) {
                target.curve(c);
            } else if (item instanceof Item.Text t) {
                target.text(t);
            }
        }
    }
}

package dev.netlens.render;

import java.util.List;

/**
 * A picture as drawing primitives, in back-to-front order, independent of any toolkit: the
 * {@link DrawingBuilder} makes it from graph and layout, and {@link DrawingRenderer} plays it on a
 * {@link RenderTarget}.
 *
 * @param width picture width in units (pixels at scale 1)
 * @param background the canvas colour (ARGB)
 */
public record Drawing(double width, double height, int background, List<Item> items) {
    public Drawing {
        items = List.copyOf(items);
    }

    /** Every text drawn, in order (for tests and searches). */
    public List<String> texts() {
        return items.stream().filter(i -> i instanceof Item.Text).map(i -> ((Item.Text) i).text()).toList();
    }
}

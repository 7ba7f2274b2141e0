package dev.netlens.layout;

import java.util.Locale;

/**
 * The one table of the drawing's type sizes (world px at zoom 1), read by the layout (to size shapes),
 * the pictures (Java2D) and the window (a generated stylesheet, {@link #css}), so that a picture and
 * the window cannot drift apart. Sized so that a developer's host of about 50 containers fits a
 * 2560 x 1440 picture at 1x with every name at least 11 px tall.
 */
public final class TypeScale {
    /** A shape's name (semibold). */
    public static final double LABEL = 13;
    /** A shape's second line (an address, an image). */
    public static final double CAPTION = 11;
    /** A namespace box's title. */
    public static final double BOX_TITLE = 12;
    /** A group frame's title (bold). */
    public static final double GROUP_TITLE = 15;
    /** A host box's title (bold) and its caption. */
    public static final double HOST_TITLE = 19;
    public static final double HOST_CAPTION = 11;
    /** Text along a link (a VNI, an MTU mismatch). */
    public static final double LINK_LABEL = 12;

    private TypeScale() {
    }

    /** The canvas's font sizes as a stylesheet (joined to the palette's generated one). */
    public static String css() {
        return String.format(Locale.ROOT, """
                .topo-node.leaf .name { -fx-font-size: %1$.0fpx; }
                .topo-node.leaf .caption, .topo-node.kind-summary .member { -fx-font-size: %2$.0fpx; }
                .topo-node.box .box-title { -fx-font-size: %3$.0fpx; }
                .topo-node.kind-group .box-title { -fx-font-size: %4$.0fpx; }
                .topo-node.kind-host .box-title { -fx-font-size: %5$.0fpx; }
                .topo-node.kind-host .box-caption { -fx-font-size: %6$.0fpx; }
                .link-label { -fx-font-size: %7$.0fpx; }
                """, LABEL, CAPTION, BOX_TITLE, GROUP_TITLE, HOST_TITLE, HOST_CAPTION, LINK_LABEL);
    }
}

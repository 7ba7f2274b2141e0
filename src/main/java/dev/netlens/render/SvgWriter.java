package dev.netlens.render;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/** Writes a drawing as SVG through JFreeSVG: vector shapes, and text kept as text elements. */
public final class SvgWriter {
    private SvgWriter() {
    }

    public static String toSvg(Drawing d, double scale) {
        double w = Math.ceil(d.width() * scale);
        double h = Math.ceil(d.height() * scale);
        SVGGraphics2D g = new SVGGraphics2D(w, h, SVGUnits.PX);
        g.setColor(new java.awt.Color(d.background(), true));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
        g.scale(scale, scale);
        DrawingRenderer.render(d, new Graphics2DTarget(g));
        return g.getSVGDocument();
    }
}

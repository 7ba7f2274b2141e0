package dev.netlens.render;

import dev.netlens.layout.Rect;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Plays a drawing on Java2D: a BufferedImage for PNG, or JFreeSVG's SVGGraphics2D for SVG. */
public final class Graphics2DTarget implements RenderTarget {
    /** The logical font: fontconfig maps it to the system's sans (and CJK fallbacks). */
    public static final String FAMILY = Font.SANS_SERIF;
    private final Graphics2D g;

    public Graphics2DTarget(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    @Override
    public void shape(Item.Shape s) {
        Shape outline = outline(s.outline(), s.r(), s.radius());
        g.setColor(new Color(s.fill(), true));
        g.fill(outline);
        if (s.stroke().width() > 0) {
            stroke(s.stroke());
            g.draw(outline);
        }
    }

    @Override
    public void curve(Item.Curve c) {
        Path2D.Double p = new Path2D.Double();
        double[] first = c.points().get(0);
        p.moveTo(first[0], first[1]);
        if (c.cubic() && c.points().size() == 4) {
            double[] a = c.points().get(1);
            double[] b = c.points().get(2);
            double[] e = c.points().get(3);
            p.curveTo(a[0], a[1], b[0], b[1], e[0], e[1]);
        } else {
            for (int i = 1; i < c.points().size(); i++) {
                p.lineTo(c.points().get(i)[0], c.points().get(i)[1]);
            }
        }
        stroke(c.stroke());
        g.draw(p);
    }

    @Override
    public void text(Item.Text t) {
        Font font = new Font(FAMILY, t.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) t.size());
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double w = fm.getStringBounds(t.text(), g).getWidth();
        if (t.maxWidth() > 0 && w > t.maxWidth()) {
            // A label measured with another toolkit's font may come out a little wider: shrink, never cut.
            font = font.deriveFont((float) (t.size() * t.maxWidth() / w));
            g.setFont(font);
            w = t.maxWidth();
        }
        g.setColor(new Color(t.argb(), true));
        g.drawString(t.text(), (float) (t.centred() ? t.x() - w / 2 : t.x()), (float) t.y());
    }

    private void stroke(StrokeSpec s) {
        float[] dash = null;
        if (!s.dash().isEmpty()) {
            dash = new float[s.dash().size()];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = s.dash().get(i).floatValue();
            }
        }
        g.setStroke(new BasicStroke((float) s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.setColor(new Color(s.argb(), true));
    }

    static Shape outline(Outline o, Rect r, double radius) {
        double x = r.x();
        double y = r.y();
        double w = r.w();
        double h = r.h();
        return switch (o) {
            case RECT -> new Rectangle2D.Double(x, y, w, h);
            case ROUNDED -> new RoundRectangle2D.Double(x, y, w, h, 2 * radius, 2 * radius);
            case PILL -> new RoundRectangle2D.Double(x, y, w, h, Math.min(h, 2 * Outline.PILL_RADIUS), Math.min(h, 2 * Outline.PILL_RADIUS));
            case HEXAGON, PARALLELOGRAM, TAG -> polygon(x, y, w, h, o.corners());
        };
    }

    private static Shape polygon(double x, double y, double w, double h, double... fractions) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < fractions.length; i += 2) {
            double px = x + fractions[i] * w;
            double py = y + fractions[i + 1] * h;
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        return p;
    }
}

package dev.netlens.layout;

/** An axis-aligned rectangle in world coordinates (top-left origin, y down). */
public record Rect(double x, double y, double w, double h) {
    public double maxX() {
        return x + w;
    }

    public double maxY() {
        return y + h;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    /** Whether the two come closer than {@code gap} (0: whether they overlap). */
    public boolean overlaps(Rect o, double gap) {
        return x < o.maxX() + gap && o.x < maxX() + gap && y < o.maxY() + gap && o.y < maxY() + gap;
    }

    public boolean contains(Rect o) {
        return o.x >= x - 1e-6 && o.y >= y - 1e-6 && o.maxX() <= maxX() + 1e-6 && o.maxY() <= maxY() + 1e-6;
    }

    public Rect moved(double dx, double dy) {
        return new Rect(x + dx, y + dy, w, h);
    }

    public Rect at(double nx, double ny) {
        return new Rect(nx, ny, w, h);
    }

    public Rect union(Rect o) {
        double nx = Math.min(x, o.x);
        double ny = Math.min(y, o.y);
        return new Rect(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
    }
}

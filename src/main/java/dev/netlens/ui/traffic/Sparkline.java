package dev.netlens.ui.traffic;

import dev.netlens.traffic.Series;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * A small line of an interface's recent rates, scaled to its own highest point, oldest at the left;
 * a shape (not a canvas) so the stylesheet's theme colours apply.
 */
public final class Sparkline extends Region {
    static final double WIDTH = 150;
    static final double HEIGHT = 26;
    private final Polyline line = new Polyline();
    private final Line base = new Line(0, HEIGHT, WIDTH, HEIGHT);
    private Series series = Series.EMPTY;
    private int capacity = 2;

    public Sparkline() {
        getStyleClass().add("sparkline");
        line.getStyleClass().add("sparkline-line");
        base.getStyleClass().add("sparkline-base");
        getChildren().addAll(base, line);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    /** @param capacity how many points the whole width holds (the window): a young series starts at the right */
    public void show(Series s, int capacity) {
        this.series = s;
        this.capacity = Math.max(2, capacity);
        double max = s.max();
        int n = s.size();
        Double[] points = new Double[n * 2];
        double step = WIDTH / (this.capacity - 1);
        for (int i = 0; i < n; i++) {
            double x = WIDTH - (n - 1 - i) * step;
            double y = max <= 0 ? HEIGHT : HEIGHT - (s.get(i) / max) * (HEIGHT - 2);
            points[2 * i] = Math.max(0, x);
            points[2 * i + 1] = y;
        }
        line.getPoints().setAll(points);
    }

    public Series series() {
        return series;
    }

    public Polyline line() {
        return line;
    }
}

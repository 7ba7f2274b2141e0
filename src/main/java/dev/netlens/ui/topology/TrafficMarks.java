package dev.netlens.ui.topology;

import dev.netlens.traffic.LinkRate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Shape;

/**
 * Traffic as the canvas draws it: a link carrying bytes is drawn over with a mark whose style class
 * says how much (wider and orange: low, mid, high; see netlens.css), one whose drops or errors rose
 * red and dotted. Quiet links, and links whose rate is unknown this interval (a counter reset), show
 * their own line alone.
 *
 * <p>A mark is a copy of the link's line (its points, classes, pseudo-classes and visibility) in this
 * layer, which lies above the drawing and above the pictures standing in for it ({@link StandInTiles}).
 * Why not a class on the line itself: the pictures hold the lines, so every mark that changed meant
 * pictures taken again, a snapshot per changed link; with a tick every 2 s on a 200-container host
 * that kept the FX thread taking pictures for most of each tick (issue 14's frame row). A tick now
 * restyles a few marks and takes no picture.
 */
final class TrafficMarks extends Group {
    /** Below this a link is quiet (a few keep-alives): drawn as without traffic. */
    static final double LOW = 1_000;
    static final double MID = 100_000;
    static final double HIGH = 5_000_000;
    static final String LEVEL_LOW = "traffic-low";
    static final String LEVEL_MID = "traffic-mid";
    static final String LEVEL_HIGH = "traffic-high";
    static final String TROUBLED = "traffic-drops";
    /** The line each link is drawn with now (absent when not drawn). */
    private final Function<String, Optional<Shape>> linkOf;
    /** The classes each marked link has from here now. */
    private Map<String, List<String>> applied = Map.of();
    private final Map<String, Shape> marks = new HashMap<>();

    TrafficMarks(Function<String, Optional<Shape>> linkOf) {
        this.linkOf = linkOf;
        setManaged(false);
        setMouseTransparent(true);
        setAutoSizeChildren(false);
        getStyleClass().add("traffic-marks");
    }

    /** The classes a rate gives a link: none for a quiet one. */
    static List<String> classesOf(LinkRate r) {
        if (r == null || !r.known()) {
            return List.of();
        }
        double b = r.bytesPerSecond();
        String level = b >= HIGH ? LEVEL_HIGH : b >= MID ? LEVEL_MID : b >= LOW ? LEVEL_LOW : null;
        if (r.troubled()) {
            return level == null ? List.of(TROUBLED) : List.of(level, TROUBLED);
        }
        return level == null ? List.of() : List.of(level);
    }

    /** Marks the links of {@code rates} that carry traffic, and takes the marks off links quiet again. */
    void show(Map<String, LinkRate> rates) {
        Map<String, List<String>> next = new HashMap<>();
        rates.forEach((id, r) -> {
            List<String> classes = classesOf(r);
            if (!classes.isEmpty()) {
                next.put(id, classes);
            }
        });
        applied = Map.copyOf(next);
        follow();
    }

    /**
     * Brings each mark in line with the link it marks: made or dropped, its points, classes,
     * pseudo-classes (dimmed, on a path...) and visibility. Called after every change to the drawing
     * and every cull; its cost is the number of marked links.
     */
    void follow() {
        for (String id : List.copyOf(marks.keySet())) {
            if (!applied.containsKey(id) || linkOf.apply(id).isEmpty()) {
                getChildren().remove(marks.remove(id));
            }
        }
        applied.forEach((id, classes) -> linkOf.apply(id).ifPresent(line -> copy(line, mark(id, line), classes)));
    }

    private Shape mark(String id, Shape line) {
        Shape mark = marks.get(id);
        if (mark == null || mark.getClass() != line.getClass()) {
            if (mark != null) {
                getChildren().remove(mark);
            }
            mark = line instanceof Path ? new Path() : new Polyline();
            mark.setUserData(id);
            marks.put(id, mark);
            getChildren().add(mark);
        }
        return mark;
    }

    private static void copy(Shape line, Shape mark, List<String> traffic) {
        List<String> classes = new java.util.ArrayList<>(line.getStyleClass());
        classes.addAll(traffic);
        if (!mark.getStyleClass().equals(classes)) {
            mark.getStyleClass().setAll(classes);
        }
        Set<PseudoClass> states = line.getPseudoClassStates();
        for (PseudoClass p : new HashSet<>(mark.getPseudoClassStates())) {
            if (!states.contains(p)) {
                mark.pseudoClassStateChanged(p, false);
            }
        }
        states.forEach(p -> mark.pseudoClassStateChanged(p, true));
        mark.setVisible(line.isVisible());
        if (line instanceof Polyline from && mark instanceof Polyline to) {
            if (!to.getPoints().equals(from.getPoints())) {
                to.getPoints().setAll(from.getPoints());
            }
        } else if (line instanceof Path from && mark instanceof Path to && !sameElements(from, to)) {
            to.getElements().setAll(from.getElements().stream().map(TrafficMarks::copyOf).toList());
        }
    }

    private static boolean sameElements(Path a, Path b) {
        if (a.getElements().size() != b.getElements().size()) {
            return false;
        }
        for (int i = 0; i < a.getElements().size(); i++) {
            if (!describe(a.getElements().get(i)).equals(describe(b.getElements().get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static List<Double> describe(PathElement e) {
        if (e instanceof MoveTo m) {
            return List.of(0.0, m.getX(), m.getY());
        }
        if (e instanceof LineTo l) {
            return List.of(1.0, l.getX(), l.getY());
        }
        if (e instanceof CubicCurveTo c) {
            return List.of(2.0, c.getControlX1(), c.getControlY1(), c.getControlX2(), c.getControlY2(), c.getX(), c.getY());
        }
        return List.of(-1.0); // the canvas draws no other element
    }

    private static PathElement copyOf(PathElement e) {
        if (e instanceof LineTo l) {
            return new LineTo(l.getX(), l.getY());
        }
        if (e instanceof CubicCurveTo c) {
            return new CubicCurveTo(c.getControlX1(), c.getControlY1(), c.getControlX2(), c.getControlY2(), c.getX(), c.getY());
        }
        if (e instanceof MoveTo m) {
            return new MoveTo(m.getX(), m.getY());
        }
        throw new IllegalArgumentException("the canvas draws links with moves, lines and cubic curves only: " + e);
    }

    /** The links marked now, with their classes (for tests and diagnostics). */
    Map<String, List<String>> marked() {
        return applied;
    }

    /** The mark drawn over a link now, if it carries traffic and is drawn. */
    Optional<Shape> markOf(String id) {
        return Optional.ofNullable(marks.get(id));
    }
}

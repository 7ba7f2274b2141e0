package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.SubKind;
import dev.netlens.render.Palette;
import dev.netlens.render.ShapeStyle;
import dev.netlens.render.StrokeSpec;
import dev.netlens.render.Styles;
import dev.netlens.render.Theme;
import dev.netlens.ui.MainWindow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window draws each kind of vertex and link as the pictures do: shapes styled by the window's
 * stylesheets (the palette's generated one, then netlens.css) against {@link Styles}, the table the
 * pictures draw with. A rule in netlens.css that overrides a colour, width, dash or outline, or a
 * style class the canvas names otherwise than the rules do, fails here.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasStylesMatchPicturesTest {
    private final Pane root = new Pane();

    @Start
    void start(Stage stage) {
        root.getStyleClass().add("netlens");
        root.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("netlens.css")).toExternalForm());
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    /** Every vertex kind with each of its sub-kinds, as the canvas meets them. */
    private static List<Object[]> vertexKinds() {
        List<Object[]> out = new ArrayList<>();
        for (SubKind.Host s : SubKind.Host.values()) {
            out.add(new Object[] {NodeKind.HOST, s});
        }
        for (SubKind.Group s : SubKind.Group.values()) {
            out.add(new Object[] {NodeKind.GROUP, s});
        }
        for (SubKind.Namespace s : SubKind.Namespace.values()) {
            out.add(new Object[] {NodeKind.NAMESPACE, s});
        }
        out.add(new Object[] {NodeKind.BRIDGE, SubKind.Device.BRIDGE});
        for (SubKind.Device s : SubKind.Device.values()) {
            if (s != SubKind.Device.BRIDGE) {
                out.add(new Object[] {NodeKind.INTERFACE, s});
            }
        }
        for (SubKind.ContainerState s : SubKind.ContainerState.values()) {
            out.add(new Object[] {NodeKind.CONTAINER, s});
        }
        out.add(new Object[] {NodeKind.PORT, new SubKind.EngineWord("tcp")});
        out.add(new Object[] {NodeKind.NETWORK, new SubKind.EngineWord("null")});
        for (SubKind.Underlay s : SubKind.Underlay.values()) {
            out.add(new Object[] {NodeKind.UNDERLAY, s});
        }
        for (SubKind.Summary s : SubKind.Summary.values()) {
            out.add(new Object[] {NodeKind.SUMMARY, s});
        }
        return out;
    }

    private void useTheme(FxRobot robot, Theme theme) {
        robot.interact(() -> {
            root.getStylesheets().removeIf(s -> s.startsWith("data:"));
            root.getStylesheets().add(0, "data:text/css;base64,"
                    + Base64.getEncoder().encodeToString(Palette.css(theme).getBytes(StandardCharsets.UTF_8)));
            root.getStyleClass().removeIf(c -> c.startsWith("theme-"));
            root.getStyleClass().add(theme.styleClass());
        });
    }

    @Test
    void everyVertexKindIsStyledOnScreenAsInPictures(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            useTheme(robot, theme);
            for (Object[] k : vertexKinds()) {
                NodeKind kind = (NodeKind) k[0];
                SubKind sub = (SubKind) k[1];
                String what = theme + " " + kind + "/" + sub.wireName() + ": ";
                ShapeStyle want = Styles.of(kind, sub);
                VBox shape = new VBox();
                shape.getStyleClass().addAll("topo-node", kind.isBox() ? "box" : "leaf",
                        "kind-" + kind.name().toLowerCase(Locale.ROOT), Styles.subClass(sub));
                Text name = text(kind.isBox() ? "box-title" : "name");
                Text caption = text(kind.isBox() ? "box-caption" : "caption");
                shape.getChildren().addAll(name, caption);
                robot.interact(() -> {
                    root.getChildren().setAll(shape);
                    shape.applyCss();
                });
                assertColour(theme, want.fill(), shape.getBackground().getFills().get(0).getFill(), what + "fill");
                BorderStroke border = shape.getBorder().getStrokes().get(0);
                assertColour(theme, want.stroke(), border.getTopStroke(), what + "outline colour");
                assertEquals(want.dash(), border.getTopStyle().getDashArray(), what + "dash");
                if (kind == NodeKind.CONTAINER) {
                    // The window's one touch of its own: a card with a thick top edge over thin sides.
                    assertEquals(5, border.getWidths().getTop(), what + "top edge");
                } else {
                    for (double w : new double[] {border.getWidths().getTop(), border.getWidths().getRight(),
                            border.getWidths().getBottom(), border.getWidths().getLeft()}) {
                        assertEquals(want.strokeWidth(), w, what + "outline width");
                    }
                }
                switch (want.outline()) {
                    case RECT -> assertEquals(0, border.getRadii().getTopLeftHorizontalRadius(), what + "square corners");
                    case PILL -> assertEquals(20, border.getRadii().getTopLeftHorizontalRadius(), what + "a pill's corners");
                    case ROUNDED -> assertEquals(want.radius(), border.getRadii().getTopLeftHorizontalRadius(), what + "corners");
                    default -> assertNotNull(shape.getShape(), what + "outline " + want.outline());
                }
                assertColour(theme, want.text(), name.getFill(), what + "name");
                if (!kind.isBox() || kind == NodeKind.HOST) {
                    assertColour(theme, want.caption(), caption.getFill(), what + "caption");
                }
            }
        }
    }

    @Test
    void everyLinkKindIsDrawnOnScreenAsInPictures(FxRobot robot) {
        // High contrast draws every line heavier on screen (netlens.css), so its widths are the window's own.
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            useTheme(robot, theme);
            for (LinkKind kind : LinkKind.values()) {
                for (boolean mtu : new boolean[] {false, true}) {
                    String what = theme + " " + kind + (mtu ? " (MTU differs)" : "") + ": ";
                    StrokeSpec want = Styles.of(kind, mtu, theme);
                    Line line = new Line(0, 0, 40, 0);
                    line.getStyleClass().addAll("topo-link", Styles.linkClass(kind));
                    if (mtu) {
                        line.getStyleClass().add("mtu-mismatch");
                    }
                    robot.interact(() -> {
                        root.getChildren().setAll(line);
                        line.applyCss();
                    });
                    assertEquals(String.format("#%06x", want.argb() & 0xffffff), String.format("#%06x", rgb(line.getStroke())),
                            what + "colour");
                    assertEquals(want.width(), line.getStrokeWidth(), what + "width");
                    assertEquals(want.dash(), line.getStrokeDashArray(), what + "dash");
                }
            }
        }
    }

    @Test
    void theCanvasNamesLinksAsTheRulesDo() {
        assertEquals("link-bridge-port", Styles.linkClass(LinkKind.BRIDGE_PORT));
        assertTrue(Palette.css(Theme.LIGHT).contains(".topo-link.link-bridge-port {"), "the bridge ports' rule");
    }

    private static Text text(String styleClass) {
        Text t = new Text("x");
        t.getStyleClass().add(styleClass);
        return t;
    }

    private static int rgb(Paint p) {
        assertTrue(p instanceof Color, String.valueOf(p));
        Color c = (Color) p;
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private static void assertColour(Theme theme, String name, Paint actual, String what) {
        assertEquals(String.format("#%06x", Palette.argb(theme, name) & 0xffffff), String.format("#%06x", rgb(actual)),
                what + " (" + name + ")");
    }
}

package dev.netlens.ui.drivers;

import dev.netlens.drivers.CardSection;
import dev.netlens.drivers.Driver;
import dev.netlens.drivers.DriverCard;
import dev.netlens.drivers.DriverMatrix;
import dev.netlens.drivers.MatrixCell;
import dev.netlens.drivers.MatrixColumn;
import dev.netlens.drivers.MatrixRow;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The driver tradeoffs panel: the comparison matrix (criteria down, drivers across, the selected
 * network's driver column marked {@code :highlighted}) over one card per driver in an accordion,
 * the selected driver's card open, each with the facts these hosts show.
 */
public final class DriverPanelView extends VBox {
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");

    private final DriverPanelViewModel vm;
    private final GridPane grid = new GridPane();
    private final Accordion accordion = new Accordion();
    private final Label cardsTitle = new Label();

    public DriverPanelView(DriverPanelViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("side-tab-panel", "driver-panel");
        setId("driver-panel");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty());
        Label line = new Label();
        line.setId("driver-selection");
        line.getStyleClass().add("panel-summary");
        line.setWrapText(true);
        line.setMinHeight(Label.USE_PREF_SIZE);
        line.textProperty().bind(vm.selectionLineProperty());

        grid.setId("driver-matrix");
        grid.getStyleClass().add("driver-matrix");
        cardsTitle.getStyleClass().add("panel-subtitle");
        cardsTitle.textProperty().bind(vm.cardsTitleProperty());
        accordion.setId("driver-cards");

        VBox content = new VBox(10, grid, cardsTitle, accordion);
        content.getStyleClass().add("driver-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("driver-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, line, scroll);

        vm.matrixProperty().addListener((o, a, b) -> renderMatrix(b));
        vm.cardsProperty().addListener((o, a, b) -> renderCards(b));
        renderMatrix(vm.matrixProperty().get());
        renderCards(vm.cardsProperty().get());
    }

    private void renderMatrix(DriverMatrix m) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        if (m == null) {
            return;
        }
        ColumnConstraints criteria = new ColumnConstraints();
        criteria.setPercentWidth(19);
        grid.getColumnConstraints().add(criteria);
        for (int i = 0; i < m.columns().size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(81.0 / m.columns().size());
            c.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(c);
        }
        grid.add(cell(m.corner(), "matrix-corner", false), 0, 0);
        int col = 1;
        for (MatrixColumn c : m.columns()) {
            VBox head = new VBox(2, text(c.title(), "matrix-driver"), text(c.usage(), "matrix-usage"));
            head.getStyleClass().addAll("matrix-cell", "matrix-head");
            head.setId("matrix-head-" + c.driver().key());
            head.pseudoClassStateChanged(HIGHLIGHTED, c.highlighted());
            grid.add(head, col++, 0);
        }
        int row = 1;
        for (MatrixRow r : m.rows()) {
            grid.add(cell(r.label(), "matrix-criterion", false), 0, row);
            col = 1;
            for (MatrixCell c : r.cells()) {
                VBox box = new VBox(1, text(c.ratingText(), "matrix-rating"), text(c.word(), "matrix-word"));
                box.getStyleClass().addAll("matrix-cell", "rating-" + c.rating().name().toLowerCase(Locale.ROOT));
                box.setId("matrix-" + r.topic().key() + "-" + c.driver().key());
                box.pseudoClassStateChanged(HIGHLIGHTED, c.highlighted());
                grid.add(box, col++, row);
            }
            row++;
        }
        grid.getChildren().forEach(n -> GridPane.setValignment(n, VPos.TOP));
        grid.getChildren().forEach(n -> GridPane.setFillHeight(n, true));
    }

    private static VBox cell(String s, String style, boolean highlighted) {
        VBox box = new VBox(text(s, style));
        box.getStyleClass().add("matrix-cell");
        box.pseudoClassStateChanged(HIGHLIGHTED, highlighted);
        return box;
    }

    private static Label text(String s, String style) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private void renderCards(List<DriverCard> cards) {
        Driver open = vm.selectedDriverProperty().get();
        TitledPane expanded = null;
        accordion.getPanes().clear();
        for (DriverCard c : cards) {
            TitledPane pane = new TitledPane(c.title(), card(c));
            pane.setId("driver-card-" + c.driver().key());
            pane.getStyleClass().add("driver-card");
            pane.pseudoClassStateChanged(HIGHLIGHTED, c.highlighted());
            accordion.getPanes().add(pane);
            if (c.driver() == open) {
                expanded = pane;
            }
        }
        accordion.setExpandedPane(expanded);
    }

    private VBox card(DriverCard c) {
        VBox box = new VBox(6);
        box.getStyleClass().add("card-body");
        box.getChildren().add(text(c.summary(), "card-summary"));
        Label facts = text(vm.factsTitleProperty().get(), "card-heading");
        box.getChildren().add(facts);
        for (String f : c.facts()) {
            box.getChildren().add(text("•  " + f, "card-fact"));
        }
        for (CardSection s : c.sections()) {
            String head = s.heading() + (s.ratingText() == null ? "" : ": " + s.ratingText());
            box.getChildren().add(text(head, "card-heading"));
            box.getChildren().add(text(s.text(), "card-text"));
        }
        return box;
    }

    public GridPane matrix() {
        return grid;
    }

    public Accordion cards() {
        return accordion;
    }
}

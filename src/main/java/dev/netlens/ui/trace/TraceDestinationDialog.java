package dev.netlens.ui.trace;

import dev.netlens.trace.Protocol;
import dev.netlens.ui.language.I18n;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The small dialog for a destination that is not on the canvas: an address or name, a port, a protocol. */
public final class TraceDestinationDialog {
    /** @param port null for none */
    public record Destination(String address, Integer port, Protocol protocol) {
    }

    private TraceDestinationDialog() {
    }

    /** Asks; empty when cancelled or left blank. A port that is not a number counts as none. */
    public static Optional<Destination> ask(Window owner, I18n i18n, String from) {
        Dialog<Destination> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(i18n.get("trace.dialog.title"));
        d.setHeaderText(i18n.get("trace.dialog.header", from));
        TextField address = new TextField();
        address.setId("trace-dialog-address");
        address.setPromptText(i18n.get("trace.dialog.address.prompt"));
        address.setPrefColumnCount(24);
        TextField port = new TextField();
        port.setId("trace-dialog-port");
        port.setPromptText(i18n.get("trace.dialog.port.prompt"));
        port.setPrefColumnCount(6);
        ChoiceBox<Protocol> protocol = new ChoiceBox<>();
        protocol.setId("trace-dialog-protocol");
        protocol.getItems().addAll(Protocol.TCP, Protocol.UDP, Protocol.ICMP);
        protocol.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Protocol p) {
                return p == null ? "" : p.word();
            }

            @Override
            public Protocol fromString(String s) {
                return Protocol.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        protocol.setValue(Protocol.TCP);
        port.disableProperty().bind(protocol.valueProperty().isEqualTo(Protocol.ICMP));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("trace.dialog.address")), address);
        grid.addRow(1, new Label(i18n.get("trace.dialog.port")), port);
        grid.addRow(2, new Label(i18n.get("trace.dialog.protocol")), protocol);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(address.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK ? new Destination(address.getText().trim(), port(port.getText(), protocol.getValue()),
                protocol.getValue() == Protocol.TCP && port(port.getText(), protocol.getValue()) == null ? Protocol.ICMP : protocol.getValue())
                : null);
        Platform.runLater(address::requestFocus);
        return d.showAndWait();
    }

    /** The port typed, or null (none, not a number, or icmp). */
    static Integer port(String text, Protocol protocol) {
        if (protocol == Protocol.ICMP || text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

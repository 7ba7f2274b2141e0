package dev.netlens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.dns.DnsPanelView;
import dev.netlens.ui.dns.DnsPanelViewModel.NameRow;
import dev.netlens.ui.dns.DnsPanelViewModel.NetworkChoice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The service discovery panel on the real lab capture: lab-user has aliases alpha and beta. */
@ExtendWith(ApplicationExtension.class)
class DnsPanelTest {
    private PanelWindow w;

    @Start
    void start(Stage stage) {
        w = PanelWindow.open(stage, PanelSnapshots.scanLab());
    }

    /** The user opens the panel's tab (a panel enters the scene when its tab is first chosen). */
    @BeforeEach
    void openTab(FxRobot robot) {
        w.tab(robot, "tab-dns");
    }

    private DnsPanelView panel() {
        return w.window.dns();
    }

    private Map<String, String> names() {
        return panel().table().getItems().stream().collect(Collectors.toMap(NameRow::name, NameRow::addresses, (a, b) -> a));
    }

    private void choose(FxRobot robot, String network) {
        NetworkChoice c = panel().networkChooser().getItems().stream()
                .filter(x -> x.networkId().equals(PanelSnapshots.network(w.snapshot, w.host1(), network).id()))
                .findFirst().orElseThrow();
        robot.interact(() -> panel().networkChooser().setValue(c));
    }

    private String why(FxRobot robot) {
        return robot.from(w.side()).lookup("#dns-why").queryAs(Label.class).getText();
    }

    @Test
    void theUserDefinedBridgeResolvesItsMembersAndTheirAliases(FxRobot robot) {
        w.tab(robot, "tab-dns");
        w.select(robot, w.bridgeNode(w.host1(), "lab-user"));
        assertEquals("lab-user", panel().networkChooser().getValue().label().split(" ")[0]);
        Map<String, String> names = names();
        assertEquals("172.19.0.2", names.get("alpha"));
        assertEquals("172.19.0.3", names.get("beta"));
        assertEquals("172.19.0.2", names.get("lab-user-a"));
        assertEquals("172.19.0.3", names.get("lab-user-b"));
        assertFalse(names.containsKey("lab-created"), "a created container has no address to give");
        assertTrue(why(robot).contains("127.0.0.11"), why(robot));
        NameRow alpha = panel().table().getItems().stream().filter(r -> r.name().equals("alpha")).findFirst().orElseThrow();
        assertEquals("network alias", alpha.kind());
        assertTrue(alpha.why().contains("--network-alias"));
    }

    @Test
    void theDefaultBridgeResolvesNothingAndSaysWhy(FxRobot robot) {
        choose(robot, "bridge");
        assertTrue(panel().table().getItems().isEmpty());
        assertTrue(why(robot).contains("is the default bridge: the embedded DNS does not serve it"), why(robot));
        assertEquals("No name resolves here.", ((Label) panel().table().getPlaceholder()).getText());
        assertTrue(robot.from(w.side()).lookup("#dns-why").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("no-names")), "the reason is set off");
    }

    @Test
    void selectingAContainerListsWhatItResolvesOnEachOfItsNetworks(FxRobot robot) {
        w.select(robot, w.containerNode("lab-user-b"));
        Set<String> networks = panel().table().getItems().stream().map(NameRow::network).collect(Collectors.toSet());
        assertEquals(Set.of("lab-internal", "lab-user"), networks);
        assertTrue(panel().table().getItems().stream().anyMatch(r -> r.network().equals("lab-internal")
                && r.name().equals("lab-internal-1")));
        assertTrue(panel().table().getItems().stream().anyMatch(r -> r.network().equals("lab-user") && r.name().equals("alpha")));
        assertTrue(robot.from(w.side()).lookup("#dns-heading").queryAs(Label.class).getText().contains("lab-user-b"));

        w.select(robot, w.containerNode("lab-bridge-a"));
        assertTrue(panel().table().getItems().isEmpty());
        assertTrue(why(robot).contains("only on the default bridge"), why(robot));

        // Picking a network in the chooser leaves the container's view.
        choose(robot, "lab-internal");
        assertEquals(Set.of("lab-internal-1", "lab-user-b"), panel().table().getItems().stream()
                .filter(r -> r.kind().equals("container name")).map(NameRow::name).collect(Collectors.toSet()));
    }

    @Test
    void anEmptyPictureHasNoNetworkToChoose(FxRobot robot) {
        w.show(robot, PanelWindow.empty());
        assertTrue(panel().networkChooser().getItems().isEmpty());
        assertTrue(panel().table().getItems().isEmpty());
        assertEquals("No network in the picture yet.", ((Label) panel().table().getPlaceholder()).getText());
    }

    @Test
    void namesComeFromTheEngineSoTheyShowWithoutAKernelView(FxRobot robot) {
        w.show(robot, PanelWindow.withoutKernelView(w.snapshot, "kernel view unavailable: not root"));
        choose(robot, "lab-user");
        assertEquals(List.of("172.19.0.2", "172.19.0.3"), List.of(names().get("alpha"), names().get("beta")));
    }
}

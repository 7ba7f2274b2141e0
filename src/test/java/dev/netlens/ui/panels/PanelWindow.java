package dev.netlens.ui.panels;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.topology.FxLabelMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window on a recorded snapshot at projector size, in English unless told, for the side panel tests. */
final class PanelWindow {
    static final PseudoClass RULE_MATCH = PseudoClass.getPseudoClass("rule-match");
    static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");

    final MainWindow window;
    final TopologySnapshot snapshot;

    private PanelWindow(MainWindow window, TopologySnapshot snapshot) {
        this.window = window;
        this.snapshot = snapshot;
    }

    static PanelWindow open(Stage stage, TopologySnapshot snapshot) {
        MainWindow w = new MainWindow(snapshot, new SameThreadExecutor(),
                new StableLayout(new StackLayout(new FxLabelMetrics())), UiLanguage.of(Locale.ENGLISH));
        Scene scene = new Scene(w.root(), 1920, 1080);
        w.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        return new PanelWindow(w, snapshot);
    }

    /** Replaces the picture on the FX thread. */
    void show(FxRobot robot, TopologySnapshot s) {
        robot.interact(() -> window.show(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void tab(FxRobot robot, String id) {
        Tab tab = window.sideTabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> window.sideTabs().getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void select(FxRobot robot, String nodeId) {
        robot.interact(() -> window.selection().select(nodeId));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Where tests look nodes up: the side panel. A lookup over the whole scene runs on the test thread
     * while the canvas removes faded shapes on the FX thread.
     */
    Node side() {
        return window.root().getRight();
    }

    boolean lit(String nodeId) {
        Node n = window.canvas().viewOf(nodeId).orElseThrow(() -> new AssertionError("not drawn: " + nodeId));
        return n.getPseudoClassStates().contains(RULE_MATCH);
    }

    String host1() {
        return PanelSnapshots.hostAt(snapshot, PanelSnapshots.ENGINE1);
    }

    String containerNode(String name) {
        Container c = PanelSnapshots.container(snapshot, name);
        return TopologyGraph.ctrId(c.host(), c.id());
    }

    /** The bridge device drawn for a network. */
    String bridgeNode(String host, String network) {
        Network n = PanelSnapshots.network(snapshot, host, network);
        return TopologyGraph.ifId(n.bridge());
    }

    // ---- snapshots made from the recorded ones ----------------------------------------------------

    static TopologySnapshot withHosts(TopologySnapshot s, UnaryOperator<Host> change) {
        return new TopologySnapshot(s.schema(), s.capturedAt(), s.source(), s.hosts().stream().map(change).toList(),
                s.namespaces(), s.interfaces(), s.networks(), s.containers(), s.tunnels());
    }

    static Host withFirewall(Host h, FirewallCapture firewall) {
        return new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(), h.kernelVersion(),
                h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), h.kernelView(), h.kernelId(), h.missing(),
                firewall);
    }

    /** What discovery gives for an engine whose kernel it cannot enter: no namespaces, no interfaces, no rules. */
    static TopologySnapshot withoutKernelView(TopologySnapshot s, String reason) {
        List<Host> hosts = s.hosts().stream().map(h -> new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(),
                h.apiVersion(), h.os(), h.kernelVersion(), h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), false,
                null, List.of(reason), null)).toList();
        List<Container> containers = s.containers().stream().map(c -> new Container(c.id(), c.host(), c.name(), c.image(),
                c.state(), c.networkMode(), null, c.endpoints().stream().map(e -> new dev.netlens.snapshot.Endpoint(
                        e.network(), e.networkName(), e.ipv4(), e.ipv6(), e.mac(), e.aliases(), null)).toList(),
                c.ports(), c.labels())).toList();
        List<Network> networks = s.networks().stream().map(n -> new Network(n.id(), n.host(), n.name(), n.driver(),
                n.scope(), n.internal(), n.attachable(), n.ingress(), n.subnets(), n.gateways(), null, null, null, n.vni(),
                n.peers(), n.services(), n.options())).toList();
        return new TopologySnapshot(s.schema(), s.capturedAt(), s.source(), hosts, List.of(), List.of(), networks,
                containers, List.of());
    }

    static TopologySnapshot empty() {
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-01-01T00:00:00Z", "live", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }
}

package dev.netlens.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.layout.StackLayout;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.selection.SelectionModel;
import dev.netlens.ui.state.TopologyState;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The panel phrases the graph's facts in the UI language: names, the graph's own words and the vertex's kind. */
class PropertyPanelViewModelTest {
    private final TopologyState state = new TopologyState(new SameThreadExecutor(), new StackLayout());
    private final SelectionModel selection = new SelectionModel();
    private final I18n i18n = new I18n(Locale.KOREAN);

    @Test
    void aHostsKernelViewIsAnsweredInKorean() {
        state.show(Fixtures.load(Fixtures.LAB));
        PropertyPanelViewModel panel = new PropertyPanelViewModel(state, selection, i18n);
        TopoNode host = state.frame().graph().nodes().stream().filter(n -> n.kind() == NodeKind.HOST).findFirst().orElseThrow();
        selection.select(host.id());
        assertTrue(panel.titleProperty().get().endsWith("(호스트)"), panel.titleProperty().get());
        assertTrue(panel.snapshotRows().contains(new PropertyRow("커널 보기", "예")), panel.snapshotRows().toString());
    }

    @Test
    void inEnglishTheGraphsOwnWordIsShownAsItIs() {
        state.show(Fixtures.load(Fixtures.LAB));
        PropertyPanelViewModel panel = new PropertyPanelViewModel(state, selection, new I18n(Locale.ENGLISH));
        TopoNode host = state.frame().graph().nodes().stream().filter(n -> n.kind() == NodeKind.HOST).findFirst().orElseThrow();
        selection.select(host.id());
        assertEquals(host.label() + "  (host)", panel.titleProperty().get());
        assertTrue(panel.snapshotRows().contains(new PropertyRow("Kernel view", "yes")), panel.snapshotRows().toString());
    }
}

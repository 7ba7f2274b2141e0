package dev.netlens.ui.present;

import dev.netlens.graph.SubKind;
import dev.netlens.ui.language.I18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.StackLayout;
import dev.netlens.reveal.RevealLayer;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The reveal steps, without rendering: which layers and which ids each step shows. */
class RevealViewModelTest {
    private final TopologyState state = new TopologyState(new SameThreadExecutor(), new StackLayout());
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final RevealViewModel reveal = new RevealViewModel(state, i18n);

    RevealViewModelTest() {
        state.show(Fixtures.load(Fixtures.LAB));
    }

    private TopologyGraph graph() {
        return state.frame().graph();
    }

    private boolean all(Predicate<TopoNode> which, boolean shown) {
        Set<String> mask = reveal.maskProperty().get();
        return graph().nodes().stream().filter(which).allMatch(n -> mask.contains(n.id()) == shown);
    }

    private boolean linksShown(LinkKind kind) {
        Set<String> mask = reveal.maskProperty().get();
        return graph().links().stream().filter(l -> l.kind() == kind).allMatch(l -> mask.contains(l.id()));
    }

    private boolean anyLinkShown(LinkKind kind) {
        Set<String> mask = reveal.maskProperty().get();
        return graph().links().stream().anyMatch(l -> l.kind() == kind && mask.contains(l.id()));
    }

    private static Predicate<TopoNode> kind(NodeKind k) {
        return n -> n.kind() == k;
    }

    private static Predicate<TopoNode> kind(NodeKind k, SubKind sub) {
        return n -> n.kind() == k && sub.equals(n.subKind());
    }

    @Test
    void offShowsEverything() {
        assertFalse(reveal.activeProperty().get());
        assertNull(reveal.maskProperty().get());
        assertEquals(Set.of(RevealLayer.values()), reveal.visibleLayersProperty().get());
    }

    @Test
    void eachStepAddsItsLayerAndNothingLater() {
        reveal.start();
        // 1: physical network
        assertEquals(Set.of(RevealLayer.PHYSICAL), reveal.visibleLayersProperty().get());
        assertTrue(all(kind(NodeKind.HOST), true));
        assertTrue(all(kind(NodeKind.BRIDGE), false));
        assertTrue(all(kind(NodeKind.CONTAINER), false));
        assertTrue(all(kind(NodeKind.INTERFACE, SubKind.Device.VETH), false));
        assertFalse(anyLinkShown(LinkKind.TUNNEL));
        assertTrue(graph().nodes().stream().anyMatch(n -> n.label().equals("eth0") && n.subKind() == SubKind.Device.DEVICE
                && reveal.maskProperty().get().contains(n.id())), "the host's eth0");
        assertTrue(reveal.captionProperty().get().startsWith("1 · Physical network"), reveal.captionProperty().get());

        reveal.next(); // 2: host namespace and bridges
        assertTrue(all(kind(NodeKind.NAMESPACE, SubKind.Namespace.HOST), true));
        assertTrue(graph().nodes().stream().filter(n -> n.label().equals("docker0"))
                .allMatch(n -> reveal.maskProperty().get().contains(n.id())));
        assertTrue(all(kind(NodeKind.INTERFACE, SubKind.Device.VETH), false));
        assertTrue(all(kind(NodeKind.NAMESPACE, SubKind.Namespace.CONTAINER), false));

        reveal.next(); // 3: veth pairs
        assertTrue(graph().nodes().stream().anyMatch(n -> n.subKind() == SubKind.Device.VETH
                && reveal.maskProperty().get().contains(n.id())));
        assertTrue(anyLinkShown(LinkKind.VETH));
        assertTrue(all(kind(NodeKind.CONTAINER), false));
        assertTrue(all(kind(NodeKind.NAMESPACE, SubKind.Namespace.CONTAINER), false));

        reveal.next(); // 4: container namespaces
        assertTrue(all(kind(NodeKind.CONTAINER), true));
        assertTrue(all(kind(NodeKind.NAMESPACE, SubKind.Namespace.CONTAINER), true));
        assertTrue(all(kind(NodeKind.NAMESPACE, SubKind.Namespace.OVERLAY), false));
        assertTrue(all(kind(NodeKind.INTERFACE, SubKind.Device.VXLAN), false));
        assertFalse(anyLinkShown(LinkKind.TUNNEL));
        assertTrue(all(kind(NodeKind.PORT), false));

        reveal.next(); // 5: overlay
        assertTrue(all(kind(NodeKind.NAMESPACE, SubKind.Namespace.OVERLAY), true));
        assertTrue(all(kind(NodeKind.INTERFACE, SubKind.Device.VXLAN), true));
        assertTrue(linksShown(LinkKind.TUNNEL));
        assertTrue(all(kind(NodeKind.PORT), false));
        assertFalse(anyLinkShown(LinkKind.PUBLISHED));

        reveal.next(); // 6: ports and firewall hooks: everything
        assertTrue(all(n -> true, true));
        assertTrue(linksShown(LinkKind.PUBLISHED));
        String caption = reveal.captionProperty().get();
        assertTrue(caption.contains("published port") && caption.contains("DNAT"), caption);
        assertFalse(caption.contains("(s)"), "plural by count, not port(s): " + caption);
        assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(RevealLayer.TRAFFIC)),
                reveal.visibleLayersProperty().get());

        reveal.next(); // 7: traffic on the links drawn: adds no vertex or link
        assertTrue(reveal.captionProperty().get().startsWith("7 · Traffic"), reveal.captionProperty().get());
        assertEquals(Set.of(RevealLayer.values()), reveal.visibleLayersProperty().get());

        reveal.next(); // stays on the last step
        assertEquals(6, reveal.stepProperty().get());
        reveal.first();
        assertEquals(0, reveal.stepProperty().get());
        reveal.previous();
        assertEquals(0, reveal.stepProperty().get());
        reveal.stop();
        assertNull(reveal.maskProperty().get());
    }

    @Test
    void eachStepRevealsExactlyWhatItAddsToThePreviousOne() {
        Set<String> seen = new java.util.HashSet<>();
        for (int s = 0; s < reveal.steps(); s++) {
            Set<String> added = reveal.revealedAt(s);
            // The traffic step shows rates on what is drawn: it adds nothing.
            assertEquals(dev.netlens.reveal.RevealPlan.STEPS.get(s) == RevealLayer.TRAFFIC, added.isEmpty(),
                    "step " + (s + 1) + " adds something to the lab, but the traffic step");
            assertTrue(added.stream().noneMatch(seen::contains), "nothing twice");
            seen.addAll(added);
            assertEquals(seen, reveal.shownAt(s), "step " + (s + 1) + " shows what the steps so far added");
        }
        assertTrue(reveal.revealedAt(3).stream().anyMatch(id -> graph().node(id).map(n -> n.kind() == NodeKind.CONTAINER).orElse(false)));
        assertTrue(reveal.isLast(reveal.steps() - 1));
        assertFalse(reveal.isLast(0));
    }

    @Test
    void captionsFollowTheLanguage() {
        reveal.start();
        reveal.go(reveal.steps() - 2); // the ports step, before the traffic one
        i18n.setLocale(Locale.KOREAN);
        assertTrue(reveal.captionProperty().get().startsWith("6 · 포트 매핑과 방화벽 훅"), reveal.captionProperty().get());
        assertTrue(reveal.hintProperty().get().contains("7단계 중 6단계"), reveal.hintProperty().get());
        i18n.setLocale(Locale.forLanguageTag("fr-FR"));
        assertTrue(reveal.captionProperty().get().startsWith("6 · Port mappings"), "other languages fall back to English");
    }

    @Test
    void aSnapshotWithoutFirewallCaptureSaysSo() {
        state.show(Fixtures.load(Fixtures.SWARM));
        reveal.start();
        reveal.go(reveal.steps() - 2); // the ports step
        String caption = reveal.captionProperty().get();
        // The swarm fixture's hosts have no firewall capture: the caption must say so, not explain DNAT.
        assertTrue(caption.contains("not captured"), caption);
    }
}

package dev.netlens.ui.present;

import dev.netlens.ui.language.I18n;

import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.reveal.FirewallHooks;
import dev.netlens.reveal.RevealLayer;
import dev.netlens.reveal.RevealPlan;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.state.TopologyState;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The layer-by-layer reveal, free of scene-graph nodes: the current step, which layers and which
 * vertex/link ids it shows (null mask while the reveal is off), and its caption in the UI language.
 */
public final class RevealViewModel {
    private final TopologyState state;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Set<RevealLayer>> visibleLayers =
            new ReadOnlyObjectWrapper<>(Set.of(RevealLayer.values()));
    private final ReadOnlyObjectWrapper<Set<String>> mask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    /** The traffic step's caption, from the rates shown now (set by the window; empty without rates). */
    private final javafx.beans.property.StringProperty trafficCaption = new javafx.beans.property.SimpleStringProperty("");
    private RevealPlan plan;

    public RevealViewModel(TopologyState state, I18n i18n) {
        this.state = state;
        this.i18n = i18n;
        state.frameProperty().addListener(o -> {
            plan = null;
            update();
        });
        i18n.localeProperty().addListener(o -> update());
        trafficCaption.addListener(o -> {
            if (active.get() && RevealPlan.STEPS.get(step.get()) == RevealLayer.TRAFFIC) {
                caption.set(captionOf(RevealLayer.TRAFFIC));
            }
        });
        update();
    }

    /** The traffic step's caption (the traffic view-model's, in the UI language). */
    public javafx.beans.property.StringProperty trafficCaptionProperty() {
        return trafficCaption;
    }

    public int steps() {
        return RevealPlan.STEPS.size();
    }

    /** Starts the reveal at its first step (the physical network). */
    public void start() {
        active.set(true);
        step.set(0);
        update();
    }

    /** Shows everything again. */
    public void stop() {
        active.set(false);
        update();
    }

    public void next() {
        go(step.get() + 1);
    }

    public void previous() {
        go(step.get() - 1);
    }

    public void first() {
        go(0);
    }

    public void last() {
        go(steps() - 1);
    }

    public void go(int index) {
        if (!active.get()) {
            active.set(true);
        }
        step.set(Math.max(0, Math.min(steps() - 1, index)));
        update();
    }

    /** Ids of the vertices and links a step (0-based) adds to what the previous step shows. */
    public Set<String> revealedAt(int step) {
        return plan().addedAt(step);
    }

    /** Ids of the vertices and links shown at a step (0-based), whether or not the reveal is on. */
    public Set<String> shownAt(int step) {
        return plan().visibleAt(step);
    }

    /** Whether a step (0-based) is the last, which shows everything ("all", End). */
    public boolean isLast(int step) {
        return step >= steps() - 1;
    }

    private RevealPlan plan() {
        if (plan == null) {
            plan = new RevealPlan(state.frame().graph());
        }
        return plan;
    }

    private void update() {
        if (!active.get()) {
            visibleLayers.set(Set.of(RevealLayer.values()));
            mask.set(null);
            caption.set("");
            hint.set("");
            return;
        }
        int s = step.get();
        visibleLayers.set(RevealPlan.layersAt(s));
        mask.set(plan().visibleAt(s));
        caption.set(captionOf(RevealPlan.STEPS.get(s)));
        hint.set(i18n.get("step.hint", s + 1, steps()));
    }

    private String captionOf(RevealLayer layer) {
        TopologyFrame f = state.frame();
        if (layer == RevealLayer.OVERLAY && plan().addedBy(RevealLayer.OVERLAY) == 0) {
            return i18n.get("step.OVERLAY.none");
        }
        if (layer == RevealLayer.TRAFFIC) {
            String t = trafficCaption.get();
            return t == null || t.isEmpty() ? dev.netlens.ui.traffic.TrafficTexts.TEXTS.text(i18n.localeProperty().get(),
                    "step.traffic", dev.netlens.ui.traffic.TrafficTexts.TEXTS.text(i18n.localeProperty().get(),
                            "step.traffic.off")) : t;
        }
        if (layer == RevealLayer.PORTS_FIREWALL) {
            TopologyGraph g = f.graph();
            long ports = g.nodes().stream().filter(n -> n.kind() == NodeKind.PORT).count();
            FirewallHooks hooks = FirewallHooks.of(f.snapshot());
            String h = !hooks.captured() ? i18n.get("hooks.missing")
                    : hooks.dnatRules() == 0 ? i18n.get("hooks.none") : i18n.get("hooks.dnat", hooks.dnatRules());
            return i18n.get("step.PORTS_FIREWALL", ports, h);
        }
        return i18n.get("step." + layer.name());
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<RevealLayer>> visibleLayersProperty() {
        return visibleLayers.getReadOnlyProperty();
    }

    /** Ids shown at this step, or null when the reveal is off (everything shown). */
    public ReadOnlyObjectProperty<Set<String>> maskProperty() {
        return mask.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The UI language the captions follow (the large legend follows it too). */
    public javafx.beans.property.ReadOnlyObjectProperty<java.util.Locale> localeProperty() {
        return i18n.localeProperty();
    }
}

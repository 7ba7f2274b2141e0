package dev.netlens.ui.status;

import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.state.TopologyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One line per host (what Netlens can and cannot see there) and the snapshot's origin. */
public final class StatusBarViewModel {
    /** @param warning something is not visible; @param stale the engine stopped answering */
    public record HostStatus(String hostId, String text, boolean warning, boolean stale) {
    }

    private static final java.time.format.DateTimeFormatter CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    private final TopologyState state;
    private final ObservableList<HostStatus> hosts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    public StatusBarViewModel(TopologyState state) {
        this.state = state;
        state.frameProperty().addListener(o -> update());
        state.staleHostsProperty().addListener(o -> update());
        state.engineStatusProperty().addListener(o -> update());
        problem.bind(state.problemProperty());
        update();
    }

    private void update() {
        TopologySnapshot s = state.frame().snapshot();
        List<HostStatus> out = new ArrayList<>();
        var refreshed = state.engineStatusProperty().get().lastRefreshed();
        for (Host h : s.hosts()) {
            boolean stale = state.staleHostsProperty().get().contains(h.id());
            StringBuilder t = new StringBuilder(h.name());
            if (stale) {
                t.append(": not answering, last picture kept");
            } else {
                t.append(": engine ").append(h.engineVersion() == null ? "?" : h.engineVersion());
                t.append(h.kernelView() ? ", kernel view" : "");
            }
            if (refreshed.containsKey(h.endpoint())) {
                t.append(", refreshed ").append(CLOCK.format(refreshed.get(h.endpoint())));
            }
            // Discovery's reasons are whole sentences ("kernel view unavailable: not root ...").
            for (String m : h.missing()) {
                t.append("; ").append(m);
            }
            if (!h.kernelView() && h.missing().isEmpty()) {
                t.append("; kernel view unavailable");
            }
            out.add(new HostStatus(h.id(), t.toString(), !h.missing().isEmpty() || !h.kernelView(), stale));
        }
        for (String failure : state.engineStatusProperty().get().failures()) {
            out.add(new HostStatus(null, failure, true, false));
        }
        hosts.setAll(out);
        String src = s.source() == null ? "" : s.source().toLowerCase(Locale.ROOT);
        source.set(switch (src) {
            case "demo" -> "DEMO: built-in topology, no engine reachable";
            case "empty" -> "no picture yet: reading…";
            case "live" -> "live, captured " + s.capturedAt();
            default -> "snapshot " + (s.capturedAt() == null ? "" : s.capturedAt()) + " (" + src + ")";
        });
    }

    public boolean isDemo() {
        return "demo".equalsIgnoreCase(state.frame().snapshot().source());
    }

    public ObservableList<HostStatus> hosts() {
        return FXCollections.unmodifiableObservableList(hosts);
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

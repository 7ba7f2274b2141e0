package dev.netlens.ui.engines;

import dev.netlens.reach.ChosenEngines;
import dev.netlens.reach.ContextEntry;
import dev.netlens.reach.ContextListing;
import dev.netlens.reach.EngineChoice;
import dev.netlens.reach.EngineDirectory;
import dev.netlens.reach.EngineProbe;
import dev.netlens.reach.ReachProblem;
import dev.netlens.reach.SwarmNodeEntry;
import dev.netlens.ui.concurrent.RunningTask;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Engines dialog's state: the docker contexts, the engines shown now and the addresses typed in
 * (one list, each line with a check box), a swarm's nodes, and the one action under way. Every
 * action is a long task on the window's task executor (listed in the status bar with Cancel); its
 * outcome is one line, never a trace. Connect shows the checked engines live and remembers them.
 */
public final class EngineChooserViewModel {
    private static final Logger LOG = Logger.getLogger(EngineChooserViewModel.class.getName());
    private final EngineDirectory directory;
    private final EngineSwitch engines;
    private final ChosenEngines remembered;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ObservableList<EngineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<EngineRow> nodes = FXCollections.observableArrayList();
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty manager = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper store = new ReadOnlyStringWrapper("");
    private RunningTask current;

    public EngineChooserViewModel(EngineDirectory directory, EngineSwitch engines, ChosenEngines remembered, TaskRunner tasks,
            I18n i18n) {
        this.directory = directory;
        this.engines = engines;
        this.remembered = remembered;
        this.tasks = tasks;
        this.i18n = i18n;
    }

    /** Reads the context store again and lists it with the engines shown now (checked). */
    public void load() {
        List<EngineChoice> shown = engines.shown();
        run(i18n.get("engines.task.contexts"), c -> directory.contexts(), listing -> {
            fill(listing, shown);
            message.set(i18n.get("engines.loaded", listing.contexts().size(), shown.size()));
            if (!listing.problems().isEmpty()) {
                error.set(oneLine(i18n.get("engines.problem.CONTEXT_STORE", listing.problems().get(0)
                        + (listing.problems().size() > 1 ? " (+" + (listing.problems().size() - 1) + ")" : ""))));
            }
        });
    }

    private void fill(ContextListing listing, List<EngineChoice> shown) {
        store.set(listing.store());
        List<EngineRow> next = new ArrayList<>();
        for (ContextEntry c : listing.contexts()) {
            EngineChoice choice = EngineChoice.context(c.name());
            next.add(EngineRow.of(EngineRow.Kind.CONTEXT, c.name(), c.endpoint(), c.description(), c.current(), choice,
                    shown.contains(choice)));
        }
        for (EngineChoice s : shown) {
            if (s.kind() == EngineChoice.Kind.HOST) {
                next.add(EngineRow.of(EngineRow.Kind.SHOWN, "", s.value(), "", false, s, true));
            }
        }
        // Addresses typed in earlier stay, as they were checked.
        for (EngineRow r : rows) {
            if (r.kind() == EngineRow.Kind.ADDRESS && next.stream().noneMatch(n -> n.choice() != null && n.choice().equals(r.choice()))) {
                next.add(r);
            }
        }
        rows.setAll(next);
    }

    /** Checks the address typed in and asks the engine there who it is; it is added, checked, when it answers. */
    public void addAddress() {
        String typed = address.get() == null ? "" : address.get().strip();
        run(i18n.get("engines.task.probe", typed), c -> directory.probe(typed), (EngineProbe probe) -> {
            EngineChoice choice = EngineChoice.host(probe.endpoint());
            EngineRow existing = rows.stream().filter(r -> choice.equals(r.choice())).findFirst().orElse(null);
            if (existing != null) {
                existing.chosen().set(true);
            } else {
                rows.add(EngineRow.of(EngineRow.Kind.ADDRESS, probe.name(), probe.endpoint(), probe.version(), false, choice, true));
            }
            address.set("");
            message.set(i18n.get("engines.answers", probe.endpoint(), probe.name(), probe.version()));
        });
    }

    /** Lists the swarm of the manager typed in: each node with the engine found for it (reachable ones checked). */
    public void listSwarm() {
        String typed = manager.get() == null ? "" : manager.get().strip();
        LinkedHashSet<String> known = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (!r.endpoint().isEmpty()) {
                known.add(r.endpoint());
            }
        });
        run(i18n.get("engines.task.swarm", typed), c -> directory.swarm(typed, List.copyOf(known)), (List<SwarmNodeEntry> list) -> {
            nodes.setAll(list.stream().map(n -> EngineRow.of(EngineRow.Kind.SWARM_NODE, n.describe(), n.endpoint(),
                    n.reachable() ? "" : n.problem(), false, n.reachable() ? EngineChoice.host(n.endpoint()) : null, true)).toList());
            long reachable = list.stream().filter(SwarmNodeEntry::reachable).count();
            message.set(i18n.get("engines.swarmListed", list.size(), reachable));
        });
    }

    /** The checked lines, in order, each engine once. */
    public List<EngineChoice> choices() {
        LinkedHashSet<EngineChoice> out = new LinkedHashSet<>();
        rows.stream().filter(EngineRow::isChosen).forEach(r -> out.add(r.choice()));
        nodes.stream().filter(EngineRow::isChosen).forEach(r -> out.add(r.choice()));
        return List.copyOf(out);
    }

    /**
     * Shows the checked engines live instead of those shown now, and remembers them for the next
     * start. When none of them can be read, the picture stays as it was and the reason is told.
     */
    public void connect() {
        List<EngineChoice> chosen = choices();
        if (chosen.isEmpty()) {
            error.set(problemText(new ReachProblem(ReachProblem.Kind.NOTHING_CHOSEN, "")));
            return;
        }
        // What prepare opened, for a cancel that comes after it finished (the result is then dropped).
        AtomicReference<EngineSwitch.Prepared> pending = new AtomicReference<>();
        run(i18n.get("engines.task.connect", chosen.size()), c -> {
            EngineSwitch.Prepared p = engines.prepare(chosen, c);
            pending.set(p);
            return p;
        }, (EngineSwitch.Prepared p) -> {
            pending.set(null);
            p.apply();
            remembered.save(chosen);
            message.set(i18n.get("engines.connected", String.join(", ", p.endpoints())));
            if (!p.failures().isEmpty()) {
                error.set(oneLine(i18n.get("engines.someFailed", p.failures().get(0))));
            }
        }, () -> {
            EngineSwitch.Prepared p = pending.getAndSet(null);
            if (p != null) {
                p.discard();
            }
        });
    }

    /** Stops the action under way at its next step. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T call(dev.netlens.ui.concurrent.TaskControl control) throws Exception;
    }

    private <T> void run(String title, Work<T> work, Consumer<T> onResult) {
        run(title, work, onResult, () -> { });
    }

    /** One action at a time; its outcome replaces the last one's message and error. */
    private <T> void run(String title, Work<T> work, Consumer<T> onResult, Runnable onFailed) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        message.set(title);
        current = tasks.run(title, work::call, result -> {
            current = null;
            try {
                onResult.accept(result); // busy until its outcome is applied (shown, remembered)
            } finally {
                busy.set(false);
            }
        }, failure -> {
            current = null;
            busy.set(false);
            onFailed.run();
            message.set("");
            error.set(problemText(failure));
        });
    }

    /** One line in the UI language: the problem's kind worded here, its detail as the engine or system gave it. */
    String problemText(Throwable failure) {
        if (failure instanceof ReachProblem p) {
            return oneLine(i18n.get("engines.problem." + p.kind().name(), p.detail()));
        }
        if (failure instanceof CancellationException) {
            return i18n.get("engines.cancelled");
        }
        // Not the user's doing: logged with its trace, one line here.
        LOG.log(Level.SEVERE, "engine chooser failed", failure);
        return oneLine(i18n.get("engines.problem.internal",
                failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage(),
                dev.netlens.logging.Logs.detailsHint()));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    public ObservableList<EngineRow> rows() {
        return rows;
    }

    public ObservableList<EngineRow> nodes() {
        return nodes;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty managerProperty() {
        return manager;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The docker CLI config folder the contexts were read from. */
    public ReadOnlyStringProperty storeProperty() {
        return store.getReadOnlyProperty();
    }
}

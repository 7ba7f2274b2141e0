package dev.netlens.ui.file;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.LayoutEngine;
import dev.netlens.persist.SavedLayout;
import dev.netlens.render.Collapsing;
import dev.netlens.render.Drawing;
import dev.netlens.render.DrawingBuilder;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.Pictures;
import dev.netlens.render.PngFit;
import dev.netlens.render.PngWriter;
import dev.netlens.render.SvgWriter;
import dev.netlens.io.AtomicFile;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Files and the live picture: opening a snapshot (which pauses live updates until "back to live"),
 * saving one with its positions, writing pictures with progress, and the one-line message banner.
 * Reading, writing and drawing run as long tasks ({@link TaskRunner}: their own executor, progress and
 * Cancel); the FX thread never waits, and live updates are laid out meanwhile. A cancelled task leaves
 * no file behind (pictures and snapshots are written beside their target and moved into place).
 */
public final class FileViewModel {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final TopologyState state;
    private final TaskRunner tasks;
    private final RecentFiles recent;
    private final I18n i18n;
    private final ReadOnlyObjectWrapper<Path> openFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private volatile TopologySnapshot lastLive;
    /** What the live picture had folded when a file was opened: back to it with the live picture. */
    private dev.netlens.ui.state.CollapseState.Saved liveFolding;

    public FileViewModel(TopologyState state, BackgroundExecutor executor, RecentFiles recent, I18n i18n) {
        this(state, new TaskRunner(executor, FileViewModel::onFxThread), recent, i18n);
    }

    public FileViewModel(TopologyState state, TaskRunner tasks, RecentFiles recent, I18n i18n) {
        this.state = state;
        this.tasks = tasks;
        this.recent = recent;
        this.i18n = i18n;
    }

    /** A snapshot from the live engines: shown unless a file is open, else kept for "back to live". */
    public void showLive(TopologySnapshot snapshot) {
        lastLive = snapshot;
        if (openFile.get() == null) {
            state.show(snapshot);
        }
    }

    public boolean showingFile() {
        return openFile.get() != null;
    }

    /** Opens a snapshot file; a file that is not one leaves the picture as it was and says why. */
    public void open(Path file) {
        tasks.run(i18n.get("task.open", file.getFileName()), c -> SnapshotJson.readFile(file), f -> opened(file, f),
                failure -> failed(failure, i18n.get("banner.error", file.getFileName(), failure.getMessage())));
    }

    /**
     * Shows a snapshot file already read (the command line reads it before the window opens), folded
     * as it was saved: its {@code collapsed} ids, or nothing for a file without them. FX thread.
     */
    public void opened(Path file, SnapshotFile f) {
        TopologySnapshot s = f.snapshot().withSource("file");
        if (openFile.get() == null) {
            TopologySnapshot shown = state.frame().snapshot();
            if (lastLive == null && !"file".equals(shown.source()) && !"empty".equals(shown.source())) {
                lastLive = shown;
            }
            liveFolding = state.collapseState().saved();
        }
        state.collapseState().open(f.collapsed() == null ? java.util.List.of() : f.collapsed());
        state.show(s, f.layout());
        openFile.set(file);
        recent.add(file);
        info(i18n.get("banner.snapshot", file.getFileName(), s.capturedAt()));
    }

    /** Leaves the file and shows the latest live picture again. */
    public void backToLive() {
        openFile.set(null);
        message.set(null);
        if (liveFolding != null) {
            state.collapseState().restore(liveFolding);
            liveFolding = null;
        }
        if (lastLive != null) {
            state.show(lastLive);
        }
    }

    /** Saves what is shown: the topology, the positions it is drawn at and what is collapsed. */
    public void save(Path file) {
        TopologyFrame frame = state.frame();
        SnapshotFile content = new SnapshotFile(frame.snapshot(), SavedLayout.toPositions(frame.layout()),
                java.util.List.copyOf(frame.collapsed()));
        tasks.run(i18n.get("task.save", file.getFileName()), c -> {
            AtomicFile.write(file, out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                SnapshotJson.write(content, w); // writes and flushes; AtomicFile closes the stream
                c.checkCancelled(); // before the move: a cancelled save leaves the old file as it was
            });
            return file;
        }, f -> {
            recent.add(f);
            info(i18n.get("banner.saved", f.getFileName()));
        }, failure -> failed(failure, i18n.get("banner.error", file.getFileName(), failure.getMessage())));
    }

    /**
     * Writes a picture of what the canvas shows. Progress goes from 0 to 1, then back to -1 (idle). A
     * PNG that would be more than {@link PngFit#DEFAULT_MAX_SIDE} pixels on a side is scaled down to
     * fit, and the message says so. A picture of the whole graph folded otherwise than the window
     * ({@link ExportRequest#collapse}) is laid out afresh, with the window's filters.
     */
    public void export(ExportRequest request, PictureSource shownSource) {
        progress.set(0);
        tasks.run(i18n.get("task.export", request.file().getFileName()), c -> {
            PictureOptions options = new PictureOptions(shownSource.theme(), request.title(), request.legend(),
                    request.visiblePart() ? shownSource.visibleWorld() : null);
            PictureSource source = request.collapse() != null && !request.visiblePart()
                    ? refolded(shownSource, request.collapse(), options) : shownSource;
            Drawing d = new DrawingBuilder(source.graph(), source.layout(), source::shown, options).build();
            PngFit fit = request.svg() ? null : PngFit.of(d, request.scale(), PngFit.DEFAULT_MAX_SIDE);
            c.checkCancelled();
            AtomicFile.write(request.file(), out -> {
                if (request.svg()) {
                    byte[] svg = SvgWriter.toSvg(d, request.scale()).getBytes(StandardCharsets.UTF_8);
                    c.checkCancelled();
                    out.write(svg);
                } else {
                    new PngWriter().write(d, fit.scale(), out, f -> {
                        c.progress(f);
                        onFxThread(() -> {
                            if (progress.get() >= 0) {
                                progress.set(f);
                            }
                        });
                        c.checkCancelled(); // after each tile: the half-written file is removed
                    });
                }
                c.checkCancelled();
            });
            return fit;
        }, fit -> {
            progress.set(-1);
            info(fit != null && fit.scaledDown() ? scaledMessage(request.file(), fit)
                    : i18n.get("banner.exported", request.file()));
        }, failure -> {
            progress.set(-1);
            failed(failure, i18n.get("banner.exportFailed", failure.getMessage()));
        });
    }

    /**
     * The whole graph folded as {@code choice} says, laid out afresh as the command line's pictures are
     * (Java2D's font measures, no state shared with the window's layout engine).
     */
    private static PictureSource refolded(PictureSource shown, Collapsing choice, PictureOptions options) {
        LayoutEngine engine = Pictures.layoutEngine();
        TopologyGraph folded = shown.whole().collapsed(choice.ids(shown.whole(), engine, options));
        return shown.refolded(folded, engine.layout(folded));
    }

    private String scaledMessage(Path file, PngFit fit) {
        return i18n.get("banner.exportedScaled", file, PngFit.scaleText(fit.scale()), PngFit.px(fit.maxSide()),
                PngFit.scaleText(fit.requestedScale()), PngFit.px(fit.requestedWidth()), PngFit.px(fit.requestedHeight()),
                PngFit.px(fit.width()), PngFit.px(fit.height()));
    }

    /** Ctrl+S: a 2x PNG of the whole graph, named by the time, in the remembered pictures folder. */
    public ExportRequest quickPng() {
        Path file = recent.picturesFolder().resolve("netlens-" + LocalDateTime.now().format(STAMP) + ".png");
        return new ExportRequest(file, false, 2, false, null, true);
    }

    public void rememberPicturesFolder(Path folder) {
        recent.setPicturesFolder(folder);
    }

    public RecentFiles recent() {
        return recent;
    }

    public void dismissMessage() {
        message.set(null);
    }

    /** The long tasks running now (the status bar lists them with Cancel). */
    public TaskRunner tasks() {
        return tasks;
    }

    private void failed(Throwable failure, String text) {
        if (failure instanceof java.util.concurrent.CancellationException) {
            info(i18n.get("banner.cancelled"));
        } else {
            error(text);
        }
    }

    /** Runs on the FX thread: at once when already there (tests with a same-thread executor), else later. */
    static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public ReadOnlyObjectProperty<Path> openFileProperty() {
        return openFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}

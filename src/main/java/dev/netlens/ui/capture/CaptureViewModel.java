package dev.netlens.ui.capture;

import dev.netlens.capture.CaptureException;
import dev.netlens.capture.CaptureRequest;
import dev.netlens.capture.CaptureResult;
import dev.netlens.capture.CaptureTarget;
import dev.netlens.capture.RunningCapture;
import dev.netlens.capture.Wireshark;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.language.I18n;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The capture dialog's state: what to capture, the limits, and a capture's progress. Starting runs on
 * the background executor (it waits for tcpdump to listen); the count is read every quarter second
 * on the FX thread (a plain number, never blocking), and the outcome fetched once the capture ended.
 */
public final class CaptureViewModel {
    public enum Phase { READY, STARTING, RUNNING, STOPPING, DONE, FAILED }

    private static final javafx.util.Duration POLL = javafx.util.Duration.millis(250);
    private final CaptureTarget target;
    private final BackgroundExecutor executor;
    private final RunningCapture.Starter starter;
    private final I18n i18n;
    private final Optional<Wireshark> wireshark;
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty packetLimit = new SimpleStringProperty("");
    private final StringProperty seconds = new SimpleStringProperty("");
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.READY);
    private final LongProperty packets = new SimpleLongProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty canOpen = new SimpleBooleanProperty();
    private final Timeline poll = new Timeline(new KeyFrame(POLL, e -> poll()));
    private RunningCapture running;
    private Path written;
    private boolean closed;

    public CaptureViewModel(CaptureTarget target, BackgroundExecutor executor, RunningCapture.Starter starter, I18n i18n,
                            Optional<Wireshark> wireshark) {
        this.target = target;
        this.executor = executor;
        this.starter = starter;
        this.i18n = i18n;
        this.wireshark = wireshark;
        filter.set(target.suggestedFilter());
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    public CaptureTarget target() {
        return target;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty packetLimitProperty() {
        return packetLimit;
    }

    public StringProperty secondsProperty() {
        return seconds;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public LongProperty packetsProperty() {
        return packets;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Whether "Open in Wireshark" can be used: Wireshark is installed and a file was written. */
    public BooleanProperty canOpenProperty() {
        return canOpen;
    }

    public boolean wiresharkInstalled() {
        return wireshark.isPresent();
    }

    /** Starts a capture with the fields as they are; a field that is not a positive number is said so. */
    public void start() {
        if (phase.get() == Phase.STARTING || phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING) {
            return;
        }
        Integer count = number(packetLimit.get());
        Integer secs = number(seconds.get());
        if (count == null || secs == null) {
            message.set(i18n.get("capture.badNumber"));
            phase.set(Phase.FAILED);
            return;
        }
        if (output.get() == null) {
            message.set(i18n.get("capture.noOutput"));
            phase.set(Phase.FAILED);
            return;
        }
        CaptureRequest request = CaptureRequest.of(target, filter.get(), count, secs == 0 ? null : Duration.ofSeconds(secs),
                output.get());
        packets.set(0);
        canOpen.set(false);
        phase.set(Phase.STARTING);
        message.set(i18n.get("capture.starting"));
        executor.submit(() -> starter.start(request), r -> {
            if (closed) {
                r.stop(); // the dialog closed while tcpdump was starting
                return;
            }
            running = r;
            phase.set(Phase.RUNNING);
            message.set(i18n.get("capture.running", target.place()));
            poll.play();
        }, this::failed);
    }

    /** Stop: tcpdump flushes and the file is written with what it recorded. */
    public void stop() {
        if (running != null && (phase.get() == Phase.RUNNING)) {
            phase.set(Phase.STOPPING);
            RunningCapture r = running;
            executor.submit(() -> {
                r.stop();
                return true;
            }, x -> { }, this::failed);
        }
    }

    /** Stops a running capture when the dialog closes: no tcpdump outlives it. */
    public void close() {
        closed = true;
        if (running != null && !running.finished()) {
            running.stop();
        }
        poll.stop();
    }

    public void openInWireshark() {
        if (written == null || wireshark.isEmpty()) {
            return;
        }
        Wireshark w = wireshark.get();
        Path file = written;
        executor.submit(() -> {
            w.open(file);
            return true;
        }, x -> { }, e -> message.set(i18n.get("capture.wiresharkFailed", String.valueOf(e.getMessage()))));
    }

    private void poll() {
        RunningCapture r = running;
        if (r == null) {
            return;
        }
        packets.set(r.packets());
        if (r.finished()) {
            poll.stop();
            executor.submit(r::await, this::done, this::failed); // no longer blocks: it has ended
        }
    }

    private void done(CaptureResult result) {
        running = null;
        written = result.file();
        packets.set(result.packets());
        phase.set(Phase.DONE);
        message.set(i18n.get("capture.done." + result.ending().name().toLowerCase(java.util.Locale.ROOT), result.packets(),
                String.valueOf(result.file())));
        canOpen.set(wireshark.isPresent());
    }

    private void failed(Throwable e) {
        running = null;
        poll.stop();
        phase.set(Phase.FAILED);
        message.set(e instanceof CaptureException c ? problemText(c) : i18n.get("capture.problem.failed",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    String problemText(CaptureException e) {
        return i18n.get("capture.problem." + e.problem().key(), e.detail());
    }

    /** A blank field is 0 (no limit); otherwise a whole number of at least 0, or null. */
    static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

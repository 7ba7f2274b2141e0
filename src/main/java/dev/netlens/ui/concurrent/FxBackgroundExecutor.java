package dev.netlens.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * One daemon worker thread; results land on the FX thread through {@link Platform#runLater}. A
 * single thread keeps work in order (each layout starts from the one before it). The window has two
 * ({@link UiExecutors}): one for layouts, one for long tasks.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {
    private final ExecutorService worker;

    public FxBackgroundExecutor() {
        this("netlens-background");
    }

    /** @param threadName the worker's name (what a thread dump shows) */
    public FxBackgroundExecutor(String threadName) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onResult.accept(result));
            } catch (Exception | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

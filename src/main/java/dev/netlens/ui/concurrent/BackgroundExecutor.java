package dev.netlens.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result (or the failure) back on the UI thread. The one
 * way the UI does background work, so tests can swap in {@link SameThreadExecutor} and stay
 * deterministic.
 */
public interface BackgroundExecutor extends AutoCloseable {
    <T> void submit(Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure);

    @Override
    default void close() {
    }
}

package dev.netlens.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: for tests, which then need no waiting. */
public final class SameThreadExecutor implements BackgroundExecutor {
    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onResult.accept(result);
    }
}

package dev.netlens.ui.concurrent;

/**
 * The window's two background lines of work. Layouts (and what reads the snapshot they draw) run in
 * order on their own; a newer snapshot supersedes an older one's layout. Files, pictures and the lab
 * run on the other, so a 4x picture or an image pull never holds a live update back.
 */
public record UiExecutors(BackgroundExecutor layout, BackgroundExecutor tasks) implements AutoCloseable {
    /** Two worker threads whose results land on the FX thread. */
    public static UiExecutors fx() {
        return new UiExecutors(new FxBackgroundExecutor("netlens-layout"), new FxBackgroundExecutor("netlens-tasks"));
    }

    /** One executor for both (tests: {@link SameThreadExecutor} keeps them deterministic). */
    public static UiExecutors of(BackgroundExecutor both) {
        return new UiExecutors(both, both);
    }

    @Override
    public void close() {
        layout.close();
        if (tasks != layout) {
            tasks.close();
        }
    }
}

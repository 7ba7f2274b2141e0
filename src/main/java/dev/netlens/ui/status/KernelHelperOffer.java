package dev.netlens.ui.status;

import dev.netlens.snapshot.Host;

/**
 * What the status bar may offer for an engine whose kernel Netlens cannot read: a helper container
 * on that engine, run only after the user said yes. The window defines this port and the live
 * connection fills it, so the view never talks to an engine.
 */
public interface KernelHelperOffer {
    /** Whether to offer a helper for this live host (cheap, no engine call; UI thread). */
    boolean offers(Host host);

    /**
     * Allows a helper on this engine and asks for its discovery again; the live view's next update
     * shows the kernel, or why the helper could not read it. Runs on a background executor.
     *
     * @param endpoint the engine's URI, as in {@link Host#endpoint()}
     */
    void runHelper(String endpoint) throws Exception;
}

package dev.netlens.discovery.helper;

import java.util.function.Consumer;

/**
 * How discovery may read kernels: the mode, whether the user allowed a helper container (and with
 * which image), and where to tell what the helper did (its image, its removal).
 *
 * @param helperAllowed whether a helper container may be started on engines whose kernel is not local
 * @param helperImage the image the user named for it, or null to pick one the engine already has
 * @param notices gets one line per helper run: which image, which container, removed
 */
public record KernelOptions(KernelMode mode, boolean helperAllowed, String helperImage, Consumer<String> notices) {
    /** This machine's kernel where it can be read; never a helper. */
    public static final KernelOptions DEFAULT = new KernelOptions(KernelMode.AUTO, false, null, line -> { });

    public KernelOptions {
        if (mode == KernelMode.HELPER) {
            helperAllowed = true;
        }
    }

    /** Whether an engine whose kernel is not local gets a helper. */
    public boolean helperWanted() {
        return mode == KernelMode.HELPER || (mode == KernelMode.AUTO && helperAllowed);
    }
}

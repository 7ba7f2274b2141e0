package dev.netlens.discovery.kernel;

import java.nio.file.Path;

/**
 * The dockerd process behind a local engine socket: where its namespaces live.
 *
 * @param hostNamespace the engine's own network namespace ({@code /proc/PID/ns/net})
 * @param netnsDir the folder of its sandbox namespace files ({@code EXEC_ROOT/netns})
 * @param sharesOurNamespace whether Netlens itself runs in the engine's namespace (no nsenter needed)
 */
public record EngineProcess(long pid, Path hostNamespace, Path netnsDir, boolean sharesOurNamespace) {
}

package dev.netlens.discovery;

import java.util.Map;

/**
 * A pass's result together with what each engine's scan found, raw, so that the next pass can
 * re-read only what changed ({@link Discovery#refresh}). Immutable.
 *
 * @param hosts per engine as the caller named it: its scan and the identity of each namespace file
 *     when it was listed (an engine that failed has none, and is read in full next time)
 */
public record DiscoveryState(DiscoveryResult result, Map<String, HostState> hosts) {
    public DiscoveryState {
        hosts = Map.copyOf(hosts);
    }

    /**
     * @param identities namespace file path to what told it from another file at that path when it
     *     was listed (see {@link dev.netlens.discovery.kernel.NamespaceLister#identity}), taken before
     *     the file was entered
     * @param incremental whether this scan was an incremental one
     */
    public record HostState(HostScan scan, Map<String, Object> identities, boolean incremental) {
        public HostState {
            identities = Map.copyOf(identities);
        }
    }
}

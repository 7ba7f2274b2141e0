package dev.netlens.app;

import dev.netlens.discovery.Discovery;
import dev.netlens.live.LiveTopology;
import dev.netlens.snapshot.Host;
import dev.netlens.ui.status.KernelHelperOffer;

/**
 * The status bar's helper offer for live engines: a host whose kernel was not read, whose engine
 * answered, under {@code --kernel auto} with no helper allowed on it yet. Yes allows the helper in
 * discovery for that engine alone and asks the live topology to read it again.
 */
final class LiveHelperOffer implements KernelHelperOffer {
    private final Discovery discovery;
    private final LiveTopology live;

    LiveHelperOffer(Discovery discovery, LiveTopology live) {
        this.discovery = discovery;
        this.live = live;
    }

    @Override
    public boolean offers(Host host) {
        // No engine version: a swarm node that could not be reached (nothing to run a helper on).
        return !host.kernelView() && host.engineVersion() != null && host.endpoint() != null
                && discovery.helperOfferable(host.endpoint());
    }

    @Override
    public void runHelper(String endpoint) {
        if (discovery.allowHelper(endpoint)) {
            live.rediscover(endpoint);
        }
    }
}

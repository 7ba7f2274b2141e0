package dev.netlens.ui.firewall;

import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;

/**
 * Reads one host's firewall again, counters and all, for the panel's "Count from now" and "Refresh
 * counters". The live side provides it (the app, from discovery); the panel calls it on the
 * background executor, never on the FX thread, and never runs a process itself.
 */
@FunctionalInterface
public interface FirewallRefresh {
    /** @throws Exception when it cannot be read; the panel shows the message, one line */
    FirewallCapture read(Host host) throws Exception;
}

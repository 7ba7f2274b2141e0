package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.FirewallCapture;
import java.util.List;

/**
 * What the kernel showed for one engine.
 *
 * @param host the engine's own namespace
 * @param sandboxes every other namespace read (containers, overlays, ingress, load balancers)
 * @param problems namespaces skipped and why (stale files, vanished ones)
 * @param bootId the kernel's boot id: engines reporting the same one share a kernel
 */
public record KernelFacts(NamespaceDump host, List<NamespaceDump> sandboxes, FirewallCapture firewall,
        List<String> problems, String bootId) {
    public KernelFacts {
        sandboxes = List.copyOf(sandboxes);
        problems = List.copyOf(problems);
    }
}

package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.FirewallCapture;
import java.util.List;
import java.util.Map;

/**
 * What the kernel showed for one engine.
 *
 * @param host the engine's own namespace
 * @param sandboxes every other namespace read (containers, overlays, ingress, load balancers)
 * @param problems namespaces skipped and why (stale files, vanished ones)
 * @param bootId the kernel's boot id: engines reporting the same one share a kernel
 * @param sysctls the settings of {@link dev.netlens.snapshot.Host#SYSCTLS} that exist in the engine's
 *     namespace, as /proc/sys printed them
 */
public record KernelFacts(NamespaceDump host, List<NamespaceDump> sandboxes, FirewallCapture firewall,
        List<String> problems, String bootId, Map<String, String> sysctls) {
    public KernelFacts {
        sandboxes = List.copyOf(sandboxes);
        problems = List.copyOf(problems);
        sysctls = sysctls == null ? Map.of() : Map.copyOf(sysctls);
    }

    /** Facts whose kernel settings were not read. */
    public KernelFacts(NamespaceDump host, List<NamespaceDump> sandboxes, FirewallCapture firewall, List<String> problems,
            String bootId) {
        this(host, sandboxes, firewall, problems, bootId, Map.of());
    }

    /** The same facts with other sandboxes and problems. */
    KernelFacts with(List<NamespaceDump> newSandboxes, List<String> newProblems) {
        return new KernelFacts(host, newSandboxes, firewall, newProblems, bootId, sysctls);
    }
}

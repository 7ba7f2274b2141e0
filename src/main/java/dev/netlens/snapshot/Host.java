package dev.netlens.snapshot;

import java.util.List;

/**
 * One Docker engine and, where Netlens could read it, the kernel it runs on.
 *
 * @param endpoint the URI Netlens used to reach the engine
 * @param kernelView whether namespaces and interfaces were read from the kernel
 * @param missing what Netlens could not see on this host, and why
 * @param kernelId the kernel's boot id; hosts with the same one share a kernel (veths may cross them)
 */
public record Host(
        String id,
        String endpoint,
        String name,
        String engineVersion,
        String apiVersion,
        String os,
        String kernelVersion,
        String swarmNodeId,
        String underlayAddress,
        boolean swarmManager,
        boolean kernelView,
        String kernelId,
        List<String> missing,
        FirewallCapture firewall) {
    public Host {
        missing = Lists.copy(missing);
    }
}

package dev.netlens.snapshot;

import java.util.List;
import java.util.Map;

/**
 * One Docker engine and, where Netlens could read it, the kernel it runs on.
 *
 * @param endpoint the URI Netlens used to reach the engine
 * @param kernelView whether namespaces and interfaces were read from the kernel
 * @param missing what Netlens could not see on this host, and why
 * @param kernelId the kernel's boot id; hosts with the same one share a kernel (veths may cross them)
 * @param sysctls the kernel settings the packet tracer needs, read in the engine's namespace (keys from
 *     {@link #SYSCTLS}, values as /proc/sys printed them); empty when they were not read
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
        FirewallCapture firewall,
        Map<String, String> sysctls) {
    /** The settings read: forwarding, and whether bridged traffic crosses iptables (br_netfilter). */
    public static final List<String> SYSCTLS = List.of(
            "net.ipv4.ip_forward",
            "net.bridge.bridge-nf-call-iptables",
            "net.bridge.bridge-nf-call-ip6tables");

    public Host {
        missing = Lists.copy(missing);
        sysctls = Lists.copy(sysctls);
    }

    /** A host whose kernel settings were not read. */
    public Host(String id, String endpoint, String name, String engineVersion, String apiVersion, String os,
            String kernelVersion, String swarmNodeId, String underlayAddress, boolean swarmManager, boolean kernelView,
            String kernelId, List<String> missing, FirewallCapture firewall) {
        this(id, endpoint, name, engineVersion, apiVersion, os, kernelVersion, swarmNodeId, underlayAddress, swarmManager,
                kernelView, kernelId, missing, firewall, Map.of());
    }
}

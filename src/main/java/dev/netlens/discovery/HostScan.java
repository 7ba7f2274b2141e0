package dev.netlens.discovery;

import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.kernel.KernelFacts;
import java.util.List;

/**
 * One engine's raw findings, before they are joined into a snapshot.
 *
 * @param kernel the kernel's view, or null when it could not be read
 * @param kernelMissing why the kernel could not be read (empty when it was)
 */
public record HostScan(String endpoint, EngineFacts engine, KernelFacts kernel, List<String> kernelMissing) {
    public HostScan {
        kernelMissing = List.copyOf(kernelMissing);
    }
}

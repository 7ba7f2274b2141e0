package dev.netlens.cli;

import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.discovery.helper.KernelMode;
import dev.netlens.discovery.helper.KernelOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command reaches engines and reads their kernels: --kernel, --kernel-helper and the TLS files. */
final class EngineAccessFlags {
    @Option(names = "--kernel", paramLabel = "MODE",
            description = "how the kernel view (namespaces, veths, bridges, firewall) is read: auto (default: this "
                    + "machine's kernel when the engine runs here, also behind a socket proxy or over TCP; else a "
                    + "helper container if --kernel-helper is given), local, helper or none")
    String kernel;

    @Option(names = "--kernel-helper", paramLabel = "IMAGE", arity = "0..1", fallbackValue = "",
            description = "for an engine whose kernel this machine cannot read, run one short-lived, read-only helper "
                    + "container on it (labelled netlens.helper=1, removed afterwards) from IMAGE, else from a "
                    + "busybox, alpine, debian or ubuntu image the engine already has; never pulls")
    String kernelHelper;

    @Option(names = "--tlscacert", paramLabel = "FILE", description = "trust engines' certificates signed by this CA")
    Path tlsCaCert;

    @Option(names = "--tlscert", paramLabel = "FILE", description = "client certificate for TLS engines")
    Path tlsCert;

    @Option(names = "--tlskey", paramLabel = "FILE", description = "the client certificate's private key")
    Path tlsKey;

    /**
     * @param notices where the helper's line (which image, removed) goes
     * @return the options, or null when a value is wrong (the reason told on err)
     */
    KernelOptions kernelOptions(PrintWriter err, String command, PrintWriter notices) {
        KernelMode mode = kernel == null ? KernelMode.AUTO : KernelMode.parse(kernel);
        if (mode == null) {
            err.println(command + ": unknown --kernel '" + kernel + "' (use one of: auto, local, helper, none)");
            return null;
        }
        if (kernelHelper != null && (mode == KernelMode.LOCAL || mode == KernelMode.NONE)) {
            err.println(command + ": --kernel-helper cannot be used with --kernel " + kernel);
            return null;
        }
        String image = kernelHelper == null || kernelHelper.isBlank() ? null : kernelHelper;
        return new KernelOptions(mode, kernelHelper != null, image, line -> {
            notices.println(command + ": " + line);
            notices.flush();
        });
    }

    /** @return the TLS files, or null when only some of cert and key are given (told on err) */
    TlsFiles tls(PrintWriter err, String command) {
        if ((tlsCert == null) != (tlsKey == null)) {
            err.println(command + ": --tlscert and --tlskey go together");
            return null;
        }
        return new TlsFiles(tlsCaCert, tlsCert, tlsKey);
    }
}

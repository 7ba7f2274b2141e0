package dev.netlens.discovery.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this process may read the kernel view. Measured with a capability-limited run (setpriv,
 * issue 15): nsenter needs CAP_SYS_ADMIN; opening the engine's /proc/PID/ns/net needs CAP_SYS_PTRACE
 * (dockerd holds capabilities we may not); a user other than root also needs CAP_DAC_READ_SEARCH for
 * /run/docker/netns (mode 0700); iptables-save and nft need CAP_NET_ADMIN (without it only the
 * firewall is missing, and says so).
 */
public final class KernelAccess {
    private static final int CAP_DAC_READ_SEARCH = 2;
    private static final int CAP_SYS_PTRACE = 19;
    private static final int CAP_SYS_ADMIN = 21;
    /** What a user other than root needs, as README says. */
    public static final String NEEDED = "root, or CAP_SYS_ADMIN, CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH "
            + "(and CAP_NET_ADMIN for the firewall rules)";

    private KernelAccess() {
    }

    /** The effective uid (the second Uid field) and effective capabilities of /proc/self/status. */
    public record Identity(long euid, long capEff) {
        public boolean root() {
            return euid == 0;
        }
    }

    /** Reads who this process is from {@code procSelfStatus}. */
    public static Identity identity(Path procSelfStatus) throws IOException {
        long euid = -1;
        long capEff = 0;
        for (String line : Files.readAllLines(procSelfStatus)) {
            if (line.startsWith("Uid:")) {
                euid = Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            } else if (line.startsWith("CapEff:")) {
                capEff = Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        return new Identity(euid, capEff);
    }

    /** @return empty when allowed, otherwise the reason it is not */
    public static Optional<String> deniedReason(Path procSelfStatus) {
        try {
            Identity me = identity(procSelfStatus);
            long euid = me.euid();
            long capEff = me.capEff();
            java.util.List<String> lacking = new java.util.ArrayList<>();
            if ((capEff & (1L << CAP_SYS_ADMIN)) == 0) {
                lacking.add("CAP_SYS_ADMIN");
            }
            if ((capEff & (1L << CAP_SYS_PTRACE)) == 0) {
                lacking.add("CAP_SYS_PTRACE");
            }
            if (euid != 0 && (capEff & (1L << CAP_DAC_READ_SEARCH)) == 0) {
                lacking.add("CAP_DAC_READ_SEARCH"); // root owns /run/docker/netns; anyone else needs it
            }
            if (lacking.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("kernel view unavailable: " + (euid == 0 ? "root without " : "not root and without ")
                    + String.join(", ", lacking) + " (reading container namespaces needs " + NEEDED + ")");
        } catch (IOException | RuntimeException e) {
            return Optional.of("kernel view unavailable: cannot read " + procSelfStatus);
        }
    }
}

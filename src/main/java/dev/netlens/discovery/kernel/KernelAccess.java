package dev.netlens.discovery.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether this process may enter other network namespaces: root, or CAP_SYS_ADMIN. */
public final class KernelAccess {
    private static final int CAP_SYS_ADMIN = 21;

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
            if (euid == 0 || (capEff & (1L << CAP_SYS_ADMIN)) != 0) {
                return Optional.empty();
            }
            return Optional.of("kernel view unavailable: not root (reading container namespaces needs root or CAP_SYS_ADMIN)");
        } catch (IOException | RuntimeException e) {
            return Optional.of("kernel view unavailable: cannot read " + procSelfStatus);
        }
    }
}

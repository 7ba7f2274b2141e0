package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capabilities the kernel view needs, as measured under setpriv (CapabilityLimitedDiscoveryTest). */
class KernelAccessTest {
    @TempDir
    Path temp;

    private Optional<String> denied(long euid, long capEff) throws Exception {
        Path status = temp.resolve("status-" + euid + "-" + capEff);
        Files.writeString(status, "Name:\tjava\nUid:\t" + euid + "\t" + euid + "\t" + euid + "\t" + euid + "\n"
                + "CapEff:\t" + Long.toHexString(capEff) + "\n");
        return KernelAccess.deniedReason(status);
    }

    @Test
    void rootWithEveryCapabilityMayRead() throws Exception {
        assertEquals(Optional.empty(), denied(0, 0x1ffffffffffL));
    }

    @Test
    void rootWithOnlySysAdminIsToldItLacksPtrace() throws Exception {
        String reason = denied(0, 1L << 21).orElseThrow();
        assertTrue(reason.startsWith("kernel view unavailable: root without CAP_SYS_PTRACE ("), reason);
    }

    @Test
    void aUserWithSysAdminAloneIsNotEnough() throws Exception {
        String reason = denied(1000, 1L << 21).orElseThrow();
        assertTrue(reason.contains("without CAP_SYS_PTRACE, CAP_DAC_READ_SEARCH"), reason);
        assertTrue(reason.contains(KernelAccess.NEEDED), reason);
    }

    @Test
    void aUserWithTheMeasuredSetMayRead() throws Exception {
        assertEquals(Optional.empty(), denied(1000, (1L << 21) | (1L << 19) | (1L << 2) | (1L << 12)));
    }
}

package dev.netlens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void processesAreLaunchedByVforkUnlessTheUserChoseAMechanism() {
        String before = System.getProperty(Launcher.LAUNCH_MECHANISM);
        try {
            System.clearProperty(Launcher.LAUNCH_MECHANISM);
            Launcher.preferVfork();
            assertEquals("VFORK", System.getProperty(Launcher.LAUNCH_MECHANISM));
            System.setProperty(Launcher.LAUNCH_MECHANISM, "FORK");
            Launcher.preferVfork();
            assertEquals("FORK", System.getProperty(Launcher.LAUNCH_MECHANISM));
        } finally {
            if (before == null) {
                System.clearProperty(Launcher.LAUNCH_MECHANISM);
            } else {
                System.setProperty(Launcher.LAUNCH_MECHANISM, before);
            }
        }
    }
}

package dev.netlens.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabViewModelTest {
    /** A lab that reports two steps, or refuses as an unreachable engine does. */
    private static final class ScriptedLab implements LabActions {
        final List<String> images = new ArrayList<>();
        boolean refuse;

        @Override
        public List<String> up(String image, Progress progress) throws Exception {
            images.add(image);
            if (refuse) {
                throw new IllegalStateException("no Docker engine answers at unix:///run/none.sock");
            }
            progress.step(0, 2, "creating network classroom-net");
            progress.step(1, 2, "starting classroom-a");
            return List.of("created network classroom-net", "started classroom-a");
        }

        @Override
        public List<String> down(Progress progress) {
            progress.step(0, 1, "removing classroom-a");
            return List.of("removed classroom-a");
        }

        @Override
        public List<String> status() {
            return List.of("CONTAINER classroom-a running");
        }

        @Override
        public String defaultImage() {
            return "busybox:1.36";
        }

        @Override
        public String endpoint() {
            return "unix:///var/run/docker.sock";
        }
    }

    private final ScriptedLab lab = new ScriptedLab();
    private final LabViewModel vm = new LabViewModel(lab, new SameThreadExecutor(), Runnable::run);

    @Test
    void buildingShowsEachStepThenTheReport() {
        vm.imageProperty().set("netlens/busybox:lab");
        vm.up();
        assertEquals(List.of("netlens/busybox:lab"), lab.images);
        assertEquals(List.of("created network classroom-net", "started classroom-a"), vm.lines());
        assertEquals(1.0, vm.progressProperty().get());
        assertFalse(vm.runningProperty().get());
        assertNull(vm.errorProperty().get());
    }

    @Test
    void blankImageFallsBackToTheDefault() {
        vm.imageProperty().set("  ");
        vm.up();
        assertEquals(List.of("busybox:1.36"), lab.images);
    }

    @Test
    void refusalIsShownAsTheLabsOwnWordsAndTheWindowStaysUsable() {
        lab.refuse = true;
        vm.up();
        assertEquals("no Docker engine answers at unix:///run/none.sock", vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Stopped: "));
        assertFalse(vm.runningProperty().get());
        lab.refuse = false;
        vm.status();
        assertNull(vm.errorProperty().get());
        assertEquals(List.of("CONTAINER classroom-a running"), vm.lines());
    }

    @Test
    void removingReportsWhatWentAway() {
        vm.down();
        assertEquals(List.of("removed classroom-a"), vm.lines());
    }
}

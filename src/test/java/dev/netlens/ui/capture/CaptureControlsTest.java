package dev.netlens.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.netlens.capture.CaptureTarget;
import dev.netlens.capture.RunningCapture;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.language.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Which vertices offer a capture, in both languages; and limits the dialog refuses before starting anything. */
@ExtendWith(ApplicationExtension.class)
class CaptureControlsTest {
    private static final TopologySnapshot LAB = lab();
    private final I18n i18n = new I18n(Locale.ENGLISH);

    private static TopologySnapshot lab() {
        try {
            return SnapshotJson.readFile(Path.of("src/test/resources/snapshots/lab.json")).snapshot();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private List<String> items(String vertex) {
        CaptureControls c = new CaptureControls(() -> LAB, () -> null, () -> null, new SameThreadExecutor(), i18n);
        return c.menuItems(vertex).stream().map(MenuItem::getText).toList();
    }

    @Test
    void interfacesAndContainersOfferACaptureAndAVxlanDeviceItsUnderlayToo() {
        assertEquals(List.of("Capture…"), items("if:host-2973bdca/ns/host/n1-eth"));
        assertEquals(List.of("Capture…", "Capture the underlay (VXLAN packets)…"), items("if:host-2973bdca/ns/1-plrsres906/vxlan0"));
        String ctr = LAB.containers().stream().filter(c -> c.name().equals("lab-user-a"))
                .map(c -> "ctr:" + c.host() + "/" + c.id()).findFirst().orElseThrow();
        assertEquals(List.of("Capture…"), items(ctr));
        assertEquals(List.of(), items("host:host-2973bdca"));
        assertEquals(List.of(), items(null));
        i18n.setLocale(Locale.KOREAN);
        assertEquals(List.of("캡처…", "언더레이 캡처 (VXLAN 패킷)…"), items("if:host-2973bdca/ns/1-plrsres906/vxlan0"));
    }

    @Test
    void aProblemIsToldInOneLineInTheUiLanguage() {
        RunningCapture.Starter noTcpdump = r -> {
            throw new dev.netlens.capture.CaptureException(dev.netlens.capture.CaptureException.Problem.NO_TCPDUMP, "");
        };
        I18n korean = new I18n(Locale.KOREAN);
        CaptureViewModel vm = new CaptureViewModel(new CaptureTarget("eth0 of a on vm", "/x", "eth0", ""),
                new SameThreadExecutor(), noTcpdump, korean, Optional.empty());
        vm.outputProperty().set(Path.of("/tmp/nlcap-never.pcap"));
        vm.start();
        assertEquals(CaptureViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertEquals("tcpdump가 설치되어 있지 않습니다: 캡처하려면 설치하세요 (Debian/Ubuntu: apt-get install tcpdump)",
                vm.messageProperty().get());
        korean.setLocale(Locale.ENGLISH);
        vm.start();
        assertEquals("tcpdump is not installed: install it (Debian/Ubuntu: apt-get install tcpdump) to capture",
                vm.messageProperty().get());
    }

    @Test
    void limitsThatAreNotWholeNumbersAreRefusedAndNothingStarts() {
        RunningCapture.Starter never = r -> {
            throw new AssertionError("must not start");
        };
        CaptureViewModel vm = new CaptureViewModel(new CaptureTarget("eth0 of a on vm", "/x", "eth0", "udp port 4789"),
                new SameThreadExecutor(), never, i18n, Optional.empty());
        assertEquals("udp port 4789", vm.filterProperty().get(), "an underlay's filter is filled in");
        vm.outputProperty().set(Path.of("/tmp/nlcap-never.pcap"));
        vm.packetLimitProperty().set("ten");
        vm.start();
        assertEquals(CaptureViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertEquals("The limits must be whole numbers (blank: no limit)", vm.messageProperty().get());
        assertEquals(0, CaptureViewModel.number(" "));
        assertNull(CaptureViewModel.number("-3"));
    }
}

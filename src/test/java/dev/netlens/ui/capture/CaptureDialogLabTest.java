package dev.netlens.ui.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.capture.CaptureLab;
import dev.netlens.capture.CaptureSession;
import dev.netlens.capture.CaptureTarget;
import dev.netlens.capture.CaptureTargets;
import dev.netlens.capture.Icmp;
import dev.netlens.capture.PcapReader;
import dev.netlens.testing.EngineTest;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.language.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The capture dialog with a real capture (tcpdump in nlcap-a's namespace) under Monocle: Start, the
 * count growing while nlcap-a pings nlcap-b, Stop, the file. With -Dnetlens.captureShot=FILE.png it
 * also saves the dialog in progress (assets/screenshots/capture-dialog.png was made so).
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class CaptureDialogLabTest {
    private static CaptureTarget target;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor();
    private CaptureViewModel vm;

    @TempDir
    static Path temp;

    @BeforeAll
    static void up() throws Exception {
        CaptureLab.up();
        target = new CaptureTargets(CaptureLab.discover()).forContainer(CaptureLab.A);
    }

    @AfterAll
    static void down() {
        CaptureLab.down();
    }

    @Start
    void start(Stage stage) {
        vm = new CaptureViewModel(target, executor, CaptureSession::start, new I18n(Locale.ENGLISH), Optional.empty());
        CaptureDialog dialog = new CaptureDialog(vm, new I18n(Locale.ENGLISH));
        stage.setScene(new Scene(dialog.root()));
        stage.setOnHidden(e -> vm.close());
        stage.show();
    }

    @Test
    void startShowsTheGrowingCountAndStopWritesTheFile(FxRobot robot) throws Exception {
        Path out = temp.resolve("dialog.pcap");
        robot.interact(() -> {
            vm.outputProperty().set(out);
            vm.filterProperty().set("icmp");
        });
        assertTrue(robot.lookup("#capture-stop").queryAs(Button.class).isDisabled(), "nothing to stop yet");
        robot.clickOn("#capture-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == CaptureViewModel.Phase.RUNNING);
        assertTrue(robot.lookup("#capture-start").queryAs(Button.class).isDisabled());
        CaptureLab.ping(5);
        Label packets = robot.lookup("#capture-packets").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count(packets.getText()) >= 10);
        assertTrue(packets.getText().matches("\\d+ packets"), packets.getText());
        assertFalse(Files.exists(out), "the file appears only at the end");
        shot(robot);
        robot.clickOn("#capture-stop");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == CaptureViewModel.Phase.DONE);
        String message = robot.lookup("#capture-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Stopped: " + vm.packetsProperty().get() + " packets written to "), message);
        PcapReader.PcapFile file = PcapReader.read(out);
        assertEquals(vm.packetsProperty().get(), file.records().size());
        assertTrue(Icmp.count(file, Icmp.ECHO_REQUEST, CaptureLab.A_IP, CaptureLab.B_IP) >= 5);
        assertTrue(robot.lookup("#capture-wireshark").queryAs(Button.class).isDisabled(), "no Wireshark installed here");
        assertFalse(robot.lookup("#capture-start").queryAs(Button.class).isDisabled(), "a new capture can start");
    }

    @Test
    void aFilterTcpdumpRefusesIsSaidInTheDialog(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.outputProperty().set(temp.resolve("bad.pcap"));
            vm.filterProperty().set("icmp and and");
        });
        robot.clickOn("#capture-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.phaseProperty().get() == CaptureViewModel.Phase.FAILED);
        assertEquals("The filter is not valid: syntax error", robot.lookup("#capture-message").queryAs(Label.class).getText());
        assertFalse(Files.exists(temp.resolve("bad.pcap")));
    }

    private static long count(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static void shot(FxRobot robot) throws Exception {
        String to = System.getProperty("netlens.captureShot");
        if (to == null) {
            return;
        }
        var image = WaitForAsyncUtils.asyncFx(() -> robot.listTargetWindows().get(0).getScene().snapshot(null)).get();
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", Path.of(to).toFile());
    }
}

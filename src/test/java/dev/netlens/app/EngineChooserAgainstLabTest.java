package dev.netlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.engine.DockerContexts;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.discovery.helper.KernelOptions;
import dev.netlens.reach.ChosenEngines;
import dev.netlens.reach.DockerEngineDirectory;
import dev.netlens.reach.EngineChoice;
import dev.netlens.snapshot.Host;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.concurrent.UiExecutors;
import dev.netlens.ui.engines.EngineChooserViewModel;
import dev.netlens.ui.engines.EngineRow;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.language.UiLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's Engines dialog against the real lab, with a docker context store of its own (a temp
 * DOCKER_CONFIG holding lab-engine1 on engine 1 and lab-node2 on node2): both are listed, choosing
 * lab-node2 moves the live picture to node2 and remembers it; engine 1's swarm lists both nodes
 * (with -Dnetlens.enginesShot=FILE.png the dialog is saved then).
 * Read-only toward both engines.
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class EngineChooserAgainstLabTest {
    @TempDir
    static Path temp;
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private UiExecutors executors;
    private MainWindow window;
    private LiveEngines engines;

    /** A context store as `docker context create` writes it; engine 1's context is the current one. */
    private static Path contextStore() throws Exception {
        Path config = temp.resolve("docker-config");
        for (String[] c : new String[][] {{"lab-engine1", Lab.ENGINE1}, {"lab-node2", Lab.NODE2}}) {
            Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(DockerContexts.sha256(c[0])));
            Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + c[0] + "\",\"Metadata\":{\"Description\":\"the lab's "
                    + c[0] + "\"},\"Endpoints\":{\"docker\":{\"Host\":\"" + c[1] + "\",\"SkipTLSVerify\":false}}}");
        }
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"lab-engine1\"}");
        return config;
    }

    @Start
    void start(Stage stage) throws Exception {
        DockerEngineDirectory directory = new DockerEngineDirectory(new DockerContexts(contextStore(), Map.of()), Map.of(),
                TlsFiles.NONE, h -> EngineEndpoints.connect(h, Duration.ofSeconds(10)), DockerEngineDirectory::dockerdSockets);
        engines = new LiveEngines(KernelOptions.DEFAULT, TlsFiles.NONE, Duration.ofMinutes(10), directory);
        Discovery discovery = engines.newDiscovery();
        LiveEngines.Pass first = LiveEngines.read(List.of(Lab.ENGINE1), discovery);
        // Layouts on the FX thread (nothing of theirs can land after the test), the dialog's work on a worker.
        executors = new UiExecutors(new dev.netlens.ui.concurrent.SameThreadExecutor(), new FxBackgroundExecutor("test-tasks"));
        window = new MainWindow(null, executors, new dev.netlens.layout.StableLayout(new dev.netlens.layout.StackLayout(
                new dev.netlens.ui.topology.FxLabelMetrics())), new dev.netlens.ui.file.RecentFiles(prefs),
                new I18n(UiLanguage.of(Locale.ENGLISH)), dev.netlens.ui.trace.TraceViewModel.TRACER);
        stage.setScene(new Scene(window.root(), 1400, 800));
        stage.show();
        // As Gui starts it: the command line's (here: the current context's) engine, live.
        engines.start(window, List.of(Lab.ENGINE1), discovery, List.of(EngineChoice.context("lab-engine1")), first, null, List.of());
        window.installEngineChooser(directory, engines, new ChosenEngines(prefs));
    }

    @AfterEach
    void stop() throws Exception {
        engines.close();
        executors.close();
        prefs.removeNode();
    }

    private EngineChooserViewModel openDialog(FxRobot robot) throws Exception {
        robot.interact(window::showEngineChooser);
        EngineChooserViewModel vm = window.engineChooser().orElseThrow().viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && !vm.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private static EngineRow context(EngineChooserViewModel vm, String name) {
        return vm.rows().stream().filter(r -> r.kind() == EngineRow.Kind.CONTEXT && r.name().equals(name)).findFirst().orElseThrow();
    }

    private Set<String> shownEndpoints() {
        return window.state().frame().snapshot().hosts().stream().map(Host::endpoint).collect(Collectors.toSet());
    }

    @Test
    void bothContextsAreListedAndChoosingNode2ShowsNode2Live(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownEndpoints().equals(Set.of(Lab.ENGINE1)));
        EngineChooserViewModel vm = openDialog(robot);
        EngineRow engine1 = context(vm, "lab-engine1");
        EngineRow node2 = context(vm, "lab-node2");
        assertEquals(Lab.ENGINE1, engine1.endpoint());
        assertEquals(Lab.NODE2, node2.endpoint());
        assertTrue(engine1.current(), "config.json's currentContext is marked");
        assertTrue(engine1.isChosen(), "the context shown now is checked");
        assertEquals("", vm.errorProperty().get());

        robot.interact(() -> {
            engine1.chosen().set(false);
            node2.chosen().set(true);
        });
        robot.clickOn("#engines-connect");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> shownEndpoints().equals(Set.of(Lab.NODE2)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        assertEquals(List.of(Lab.NODE2), engines.endpoints(), "the live connection watches node2 alone");
        assertEquals(List.of(EngineChoice.context("lab-node2")), new ChosenEngines(prefs).load(), "remembered for the next start");
        assertEquals(List.of(EngineChoice.context("lab-node2")), engines.shown());
        assertEquals("", vm.errorProperty().get());
        assertTrue(window.state().frame().snapshot().containers().stream().anyMatch(c -> c.name().equals("lab-n2-bridge")),
                "node2's own container is drawn");
    }

    @Test
    void engine1sSwarmListsBothNodesWithTheirEngines(FxRobot robot) throws Exception {
        EngineChooserViewModel vm = openDialog(robot);
        robot.interact(() -> vm.managerProperty().set(Lab.ENGINE1));
        robot.clickOn("#engines-swarm");
        robot.clickOn("#engines-swarm-list");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && !vm.nodes().isEmpty());
        assertEquals(Set.of(Lab.ENGINE1, Lab.NODE2), vm.nodes().stream().map(EngineRow::endpoint).collect(Collectors.toSet()),
                vm.nodes().toString());
        assertTrue(vm.nodes().stream().allMatch(EngineRow::isChosen));
        assertEquals("", vm.errorProperty().get());
        String to = System.getProperty("netlens.enginesShot");
        if (to != null) { // assets/screenshots/engines-dialog.png was made so
            WaitForAsyncUtils.waitForFxEvents();
            var image = WaitForAsyncUtils.asyncFx(() -> window.engineChooser().orElseThrow().root().getScene().snapshot(null)).get();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", Path.of(to).toFile());
        }
    }

    @Test
    void anAddressWhereNothingListensIsOneLineAndThePictureStays(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownEndpoints().equals(Set.of(Lab.ENGINE1)));
        EngineChooserViewModel vm = openDialog(robot);
        robot.interact(() -> vm.addressProperty().set("unix:///run/netlens-no-such-engine.sock"));
        robot.clickOn("#engines-add");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && !vm.errorProperty().get().isEmpty());
        String error = vm.errorProperty().get();
        assertTrue(error.startsWith("No engine answers: ") && error.contains("/run/netlens-no-such-engine.sock"), error);
        assertEquals(1, error.lines().count(), error);
        assertEquals(Set.of(Lab.ENGINE1), shownEndpoints());
    }
}

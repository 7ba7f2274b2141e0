package dev.netlens.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.reach.ChosenEngines;
import dev.netlens.reach.EngineChoice;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineChooserViewModelTest {
    private final ScriptedEngines world = new ScriptedEngines();
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private final ChosenEngines remembered = new ChosenEngines(prefs);
    private final EngineChooserViewModel vm = new EngineChooserViewModel(world, world, remembered,
            new TaskRunner(new SameThreadExecutor(), Runnable::run), new I18n(Locale.ENGLISH));

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private EngineRow row(String endpoint, EngineRow.Kind kind) {
        return vm.rows().stream().filter(r -> r.kind() == kind && r.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    @Test
    void contextsAreListedWithTheCurrentOneMarkedAndTheShownEngineChecked() {
        vm.load();
        assertEquals(List.of("default", "lab", "node2", ""), vm.rows().stream().map(EngineRow::name).toList());
        assertEquals(List.of(false, true, false, false), vm.rows().stream().map(EngineRow::current).toList());
        assertTrue(row(ScriptedEngines.LAB, EngineRow.Kind.SHOWN).isChosen());
        assertEquals(List.of(EngineChoice.host(ScriptedEngines.LAB)), vm.choices());
        assertEquals("/tmp/docker-config", vm.storeProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aShownContextIsCheckedInsteadOfListedTwice() {
        world.shown = List.of(EngineChoice.context("node2"));
        vm.load();
        assertEquals(3, vm.rows().size());
        assertTrue(row(ScriptedEngines.NODE2, EngineRow.Kind.CONTEXT).isChosen());
    }

    @Test
    void anUnreadableContextEntryIsOneLineAndTheOthersAreStillListed() {
        world.storeProblems = List.of("/tmp/docker-config/contexts/meta/abc/meta.json is not JSON", "another");
        vm.load();
        assertEquals(4, vm.rows().size());
        assertEquals("Docker contexts: /tmp/docker-config/contexts/meta/abc/meta.json is not JSON (+1)", vm.errorProperty().get());
    }

    @Test
    void choosingAContextConnectsToItsEngineAndRemembersTheChoice() {
        vm.load();
        row(ScriptedEngines.LAB, EngineRow.Kind.SHOWN).chosen().set(false);
        row(ScriptedEngines.NODE2, EngineRow.Kind.CONTEXT).chosen().set(true);
        vm.connect();
        assertEquals(List.of(List.of(EngineChoice.context("node2"))), world.applied);
        assertEquals(List.of(EngineChoice.context("node2")), remembered.load());
        assertEquals("Showing " + ScriptedEngines.NODE2, vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void whenNoChosenEngineAnswersThePictureStaysAndNothingIsRemembered() {
        world.nothingAnswers = true;
        vm.load();
        row(ScriptedEngines.NODE2, EngineRow.Kind.CONTEXT).chosen().set(true);
        vm.connect();
        assertTrue(world.applied.isEmpty());
        assertTrue(remembered.load().isEmpty());
        assertEquals("No engine answers: " + ScriptedEngines.NODE2 + ": connection refused", vm.errorProperty().get());
    }

    @Test
    void nothingCheckedIsSaidAndNothingIsAsked() {
        vm.load();
        row(ScriptedEngines.LAB, EngineRow.Kind.SHOWN).chosen().set(false);
        vm.connect();
        assertTrue(world.applied.isEmpty());
        assertEquals("Check at least one engine to show.", vm.errorProperty().get());
    }

    @Test
    void anAddressThatAnswersIsAddedCheckedAndTheFieldCleared() {
        vm.load();
        vm.addressProperty().set("  unix:///run/a.sock ");
        vm.addAddress();
        EngineRow added = row("unix:///run/a.sock", EngineRow.Kind.ADDRESS);
        assertTrue(added.isChosen());
        assertEquals("engine-a", added.name());
        assertEquals("", vm.addressProperty().get());
        assertEquals("unix:///run/a.sock answers: engine-a, Docker 20.10.24", vm.messageProperty().get());
        assertEquals(List.of(EngineChoice.host(ScriptedEngines.LAB), EngineChoice.host("unix:///run/a.sock")), vm.choices());
    }

    @Test
    void aBadOrUnreachableAddressIsOneLineAndNotAdded() {
        vm.load();
        vm.addressProperty().set("http://example");
        vm.addAddress();
        assertEquals("Not a usable address: http://example: use unix://, tcp:// or ssh://", vm.errorProperty().get());
        vm.addressProperty().set("unix:///run/none.sock");
        vm.addAddress();
        assertEquals("No engine answers: engine unix:///run/none.sock did not answer /info: no such file", vm.errorProperty().get());
        assertEquals(4, vm.rows().size());
        assertEquals("unix:///run/none.sock", vm.addressProperty().get(), "the field keeps what was typed, to correct it");
    }

    @Test
    void aSwarmListsItsNodesAndOnlyReachableOnesCanBeChosen() {
        vm.load();
        vm.managerProperty().set("unix:///run/manager.sock");
        vm.listSwarm();
        assertEquals(2, vm.nodes().size());
        assertTrue(vm.nodes().get(0).isChosen());
        assertFalse(vm.nodes().get(1).selectable());
        vm.nodes().get(1).chosen().set(true);
        assertFalse(vm.nodes().get(1).isChosen());
        assertEquals("2 nodes, 1 with an engine that answers", vm.messageProperty().get());
        row(ScriptedEngines.LAB, EngineRow.Kind.SHOWN).chosen().set(false);
        vm.connect();
        assertEquals(List.of(List.of(EngineChoice.host("unix:///run/manager.sock"))), world.applied);
    }

    @Test
    void aWorkerGivenAsManagerIsOneLine() {
        vm.managerProperty().set("unix:///run/node2/docker.sock");
        vm.listSwarm();
        assertTrue(vm.nodes().isEmpty());
        assertEquals("Not a swarm manager: engine unix:///run/node2/docker.sock is not part of a swarm", vm.errorProperty().get());
    }

    @Test
    void problemsAreWordedInKoreanToo() {
        EngineChooserViewModel ko = new EngineChooserViewModel(world, world, remembered,
                new TaskRunner(new SameThreadExecutor(), Runnable::run), new I18n(Locale.KOREAN));
        ko.addressProperty().set("http://example");
        ko.addAddress();
        assertEquals("쓸 수 없는 주소입니다: http://example: use unix://, tcp:// or ssh://", ko.errorProperty().get());
    }
}

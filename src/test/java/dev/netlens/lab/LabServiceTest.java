package dev.netlens.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabServiceTest {
    private final FakeLabEngine engine = new FakeLabEngine();
    private final FakeHostLinks links = new FakeHostLinks();
    private final LabService lab = new LabService(engine, links, millis -> { });
    private final LabOptions options = new LabOptions("netlens/busybox:lab", List.of());

    @Test
    void upBuildsTheWholeLessonOnALocalSwarmManagerAsRoot() throws Exception {
        List<String> progress = new ArrayList<>();
        LabReport report = lab.up(options, (done, total, message) -> progress.add(done + "/" + total + " " + message));
        assertEquals(Set.of("classroom-net", "classroom-macvlan", "classroom-overlay"), engine.networks.keySet());
        assertEquals(Set.of("classroom-a", "classroom-b", "classroom-c", "classroom-web", "classroom-db", "classroom-host",
                "classroom-none", "classroom-mv", "classroom-ov"), engine.containers.keySet());
        assertTrue(engine.containers.values().stream().allMatch(c -> c.state().equals("running")));
        assertEquals(LabService.LABEL, links.links.get("nlclass0"), "the veth carries the label in its alias");
        assertEquals(List.of(), report.skipped());
        assertEquals("14/14 lab is up", progress.get(progress.size() - 1));
        assertTrue(progress.contains("5/14 container classroom-a on bridge"), progress.toString());
    }

    @Test
    void upTwiceChangesNothingAndStartsWhatStopped() throws Exception {
        lab.up(options, LabProgress.NONE);
        engine.containers.computeIfPresent("classroom-b", (k, o) -> new FakeLabEngine.Obj(o.id(), k, true, "exited"));
        engine.calls.clear();
        links.calls.clear();
        LabReport again = lab.up(options, LabProgress.NONE);
        assertEquals(List.of("start classroom-b"), engine.calls);
        assertEquals(List.of(), links.calls);
        assertTrue(again.done().contains("started container classroom-b (was exited)"), again.done().toString());
    }

    @Test
    void notRootSkipsMacvlanAndSaysWhy() throws Exception {
        links.unavailable = "Netlens is not running as root, so it cannot create the veth pair macvlan needs as its parent";
        LabReport report = lab.up(options, LabProgress.NONE);
        assertFalse(engine.networks.containsKey("classroom-macvlan"));
        assertFalse(engine.containers.containsKey("classroom-mv"));
        assertEquals(List.of(), links.calls);
        assertEquals(List.of("macvlan: " + links.unavailable), report.skipped());
    }

    @Test
    void remoteEngineGetsNoMacvlanAndNoVethHere() throws Exception {
        engine.endpoint = "tcp://engine.invalid:2376";
        LabReport report = lab.up(options, LabProgress.NONE);
        assertFalse(engine.networks.containsKey("classroom-macvlan"));
        assertEquals(List.of(), links.calls);
        assertTrue(report.skipped().get(0).contains("not on this machine"), report.skipped().toString());
    }

    @Test
    void noSwarmMeansNoOverlay() throws Exception {
        engine.swarmManager = false;
        LabReport report = lab.up(options, LabProgress.NONE);
        assertFalse(engine.networks.containsKey("classroom-overlay"));
        assertFalse(engine.containers.containsKey("classroom-ov"));
        assertTrue(report.skipped().get(0).startsWith("overlay: the engine is not a swarm manager"), report.skipped().toString());
    }

    @Test
    void macvlanRefusedByTheEngineIsSkippedAndItsVethRemoved() throws Exception {
        engine.failNetworkCreate = "classroom-macvlan";
        LabReport report = lab.up(options, LabProgress.NONE);
        assertFalse(links.exists("nlclass0"));
        assertFalse(engine.containers.containsKey("classroom-mv"));
        assertTrue(report.skipped().get(0).contains("invalid parent"), report.skipped().toString());
        assertTrue(engine.containers.containsKey("classroom-ov"));
    }

    @Test
    void missingImageIsPulledAndAFailedPullSaysWhatToDo() {
        engine.imagePresent = false;
        engine.pullFailure = "no registry reachable";
        LabException e = assertThrows(LabException.class, () -> lab.up(new LabOptions("busybox:1.36", List.of()), LabProgress.NONE));
        assertEquals(LabException.Reason.IMAGE, e.reason());
        assertTrue(e.getMessage().contains("--image netlens/busybox:lab"), e.getMessage());
        assertEquals(List.of("pull busybox:1.36"), engine.calls, "nothing was created before the image was there");
        assertEquals(List.of(), links.calls);
    }

    @Test
    void aForeignObjectWithALabNameStopsUpBeforeAnythingIsMade() {
        engine.containers.put("classroom-db", new FakeLabEngine.Obj("x1", "classroom-db", false, "running"));
        LabException e = assertThrows(LabException.class, () -> lab.up(options, LabProgress.NONE));
        assertEquals(LabException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().startsWith("container classroom-db exists and is not the lab's"), e.getMessage());
        assertEquals(List.of(), engine.calls);
        assertEquals(List.of(), links.calls);
    }

    @Test
    void aForeignVethNamedLikeOursIsNeverUsedNorDeleted() throws Exception {
        links.links.put("nlclass0", "");
        assertThrows(LabException.class, () -> lab.up(options, LabProgress.NONE));
        lab.down(LabProgress.NONE);
        assertTrue(links.exists("nlclass0"));
        assertEquals(List.of(), links.calls);
    }

    @Test
    void downRemovesExactlyTheLabelledObjectsAndRetriesABusyNetwork() throws Exception {
        engine.containers.put("theirs", new FakeLabEngine.Obj("t1", "theirs", false, "running"));
        engine.networks.put("their-net", new FakeLabEngine.Obj("t2", "their-net", false, "bridge"));
        links.links.put("eth0", "");
        lab.up(options, LabProgress.NONE);
        engine.networkBusyFor = 2;
        LabReport report = lab.down(LabProgress.NONE);
        assertEquals(Set.of("theirs"), engine.containers.keySet());
        assertEquals(Set.of("their-net"), engine.networks.keySet());
        assertEquals(Map.of("eth0", ""), links.links);
        assertTrue(report.done().contains("deleted veth nlclass0 (and its peer nlclass0p)"), report.done().toString());
        assertTrue(lab.status().empty());
    }

    @Test
    void statusListsContainersNetworksAndTheVeth() throws Exception {
        lab.up(options, LabProgress.NONE);
        LabStatus status = lab.status();
        assertEquals(9, status.objects().stream().filter(o -> o.kind() == LabObject.Kind.CONTAINER).count());
        assertEquals(3, status.objects().stream().filter(o -> o.kind() == LabObject.Kind.NETWORK).count());
        assertTrue(status.objects().contains(new LabObject(LabObject.Kind.VETH, "nlclass0", "nlclass0", "peer nlclass0p")));
    }

    @Test
    void unreachableEngineRefusesEveryOperation() {
        engine.reachable = false;
        assertEquals(LabException.Reason.UNREACHABLE, assertThrows(LabException.class, () -> lab.up(options, LabProgress.NONE)).reason());
        assertEquals(LabException.Reason.UNREACHABLE, assertThrows(LabException.class, () -> lab.down(LabProgress.NONE)).reason());
        assertEquals(LabException.Reason.UNREACHABLE, assertThrows(LabException.class, lab::status).reason());
    }
}

package dev.netlens.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code lab up} on the real engine 1 (root, local, swarm manager: the whole lesson), checked through
 * docker inspect and through Netlens's own discovery; then {@code lab down} must leave the engine
 * exactly as before, the test lab's objects included.
 */
@EngineTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassroomLabAgainstEngineTest {
    /** The test lab's own image: no registry is reachable here. */
    private static final String IMAGE = "netlens/busybox:lab";
    /** Nothing listens there (.ci/lab): names the embedded DNS cannot answer never leave the machine. */
    private static final List<String> DNS = List.of("198.18.0.1");
    private static final List<String> NAMES = List.of("classroom-a", "classroom-b", "classroom-c", "classroom-web",
            "classroom-db", "classroom-host", "classroom-none", "classroom-mv", "classroom-ov");
    private static EngineInventory before;
    private static LabReport firstUp;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void buildTheLab() throws Exception {
        try (LabService lab = LabService.connect(Lab.ENGINE1)) {
            lab.down(LabProgress.NONE); // leftovers of an interrupted run are not "before"
            before = EngineInventory.take();
            firstUp = lab.up(new LabOptions(IMAGE, DNS), (done, total, message) -> progress.add(message));
        }
    }

    @AfterAll
    static void removeTheLab() throws Exception {
        try (LabService lab = LabService.connect(Lab.ENGINE1)) {
            lab.down(LabProgress.NONE);
        }
    }

    @Test
    @Order(1)
    void everyPartOfTheLessonWasBuiltWithProgress() {
        assertEquals(List.of(), firstUp.skipped(), "root, local, swarm manager: nothing to skip");
        for (String name : NAMES) {
            assertTrue(progress.stream().anyMatch(p -> p.startsWith("container " + name + " on ")), progress.toString());
        }
        assertEquals("lab is up", progress.get(progress.size() - 1));
    }

    @Test
    @Order(2)
    void dockerInspectShowsTheLabelledTopology() {
        List<String> args = new ArrayList<>(List.of("inspect"));
        args.addAll(NAMES);
        JsonNode containers = Lab.dockerJson(Lab.ENGINE1, args.toArray(String[]::new));
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode c : containers) {
            byName.put(c.path("Name").asText().substring(1), c);
            assertEquals("classroom", c.path("Config").path("Labels").path("dev.netlens.lab").asText(), c.path("Name").asText());
            assertTrue(c.path("State").path("Running").asBoolean(), c.path("Name").asText());
        }
        for (String name : List.of("classroom-a", "classroom-b", "classroom-c")) {
            assertTrue(byName.get(name).path("NetworkSettings").path("Networks").has("bridge"), name);
        }
        assertEquals("host", byName.get("classroom-host").path("HostConfig").path("NetworkMode").asText());
        assertEquals("none", byName.get("classroom-none").path("HostConfig").path("NetworkMode").asText());
        assertTrue(aliases(byName.get("classroom-web"), "classroom-net").contains("web"));
        assertTrue(aliases(byName.get("classroom-db"), "classroom-net").contains("db"));
        assertTrue(byName.get("classroom-mv").path("NetworkSettings").path("Networks").path("classroom-macvlan")
                .path("IPAddress").asText().startsWith("203.0.113."));
        assertTrue(byName.get("classroom-ov").path("NetworkSettings").path("Networks").has("classroom-overlay"));

        JsonNode macvlan = Lab.dockerJson(Lab.ENGINE1, "network", "inspect", "classroom-macvlan").get(0);
        assertEquals("macvlan", macvlan.path("Driver").asText());
        assertEquals("nlclass0", macvlan.path("Options").path("parent").asText(), "never a real interface");
        JsonNode overlay = Lab.dockerJson(Lab.ENGINE1, "network", "inspect", "classroom-overlay").get(0);
        assertEquals("overlay", overlay.path("Driver").asText());
        assertTrue(overlay.path("Attachable").asBoolean());
        for (String net : List.of("classroom-net", "classroom-macvlan", "classroom-overlay")) {
            JsonNode n = Lab.dockerJson(Lab.ENGINE1, "network", "inspect", net).get(0);
            assertEquals("classroom", n.path("Labels").path("dev.netlens.lab").asText(), net);
        }
        String alias = Lab.run(List.of("ip", "-j", "link", "show", "dev", "nlclass0"));
        assertTrue(alias.contains("\"ifalias\":\"dev.netlens.lab=classroom\""), alias);
    }

    @Test
    @Order(3)
    void theUserBridgeContainersFindEachOtherByNameAndAlias() {
        // Traffic only between the lab's own two containers.
        Lab.docker(Lab.ENGINE1, "exec", "classroom-web", "ping", "-c", "1", "-W", "2", "db");
        Lab.docker(Lab.ENGINE1, "exec", "classroom-web", "ping", "-c", "1", "-W", "2", "classroom-db");
        Lab.docker(Lab.ENGINE1, "exec", "classroom-db", "ping", "-c", "1", "-W", "2", "web");
    }

    @Test
    @Order(4)
    void netlensDiscoverySeesTheKernelSideOfTheLesson() {
        TopologySnapshot snap;
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(List.of(Lab.ENGINE1));
            assertEquals(List.of(), result.failures());
            snap = result.snapshot();
        }
        Map<String, Container> containers = snap.containers().stream()
                .filter(c -> NAMES.contains(c.name())).collect(Collectors.toMap(Container::name, Function.identity()));
        assertEquals(NAMES.size(), containers.size(), containers.keySet().toString());
        Map<String, NetInterface> interfaces = snap.interfaces().stream()
                .collect(Collectors.toMap(NetInterface::id, Function.identity()));
        Map<String, NetNamespace> namespaces = snap.namespaces().stream()
                .collect(Collectors.toMap(NetNamespace::id, Function.identity()));
        Map<String, Network> networks = snap.networks().stream()
                .collect(Collectors.toMap(Network::name, Function.identity(), (a, b) -> a));

        // Container A/B/C: eth0 is a veth whose host end is enslaved to docker0
        for (String name : List.of("classroom-a", "classroom-b", "classroom-c")) {
            NetInterface hostEnd = interfaces.get(eth0(containers.get(name), interfaces).peer());
            assertEquals("docker0", interfaces.get(hostEnd.master()).name(), name);
        }
        // the user bridge: both ends on the network's own Linux bridge
        String userBridge = networks.get("classroom-net").bridge();
        for (String name : List.of("classroom-web", "classroom-db")) {
            assertEquals(userBridge, interfaces.get(eth0(containers.get(name), interfaces).peer()).master(), name);
        }
        assertEquals(NamespaceKind.HOST, namespaces.get(containers.get("classroom-host").namespace()).kind());
        List<String> noneLinks = snap.interfaces().stream()
                .filter(i -> i.namespace().equals(containers.get("classroom-none").namespace())).map(NetInterface::name).toList();
        assertEquals(List.of("lo"), noneLinks);
        // macvlan on the veth the lab made
        assertEquals("nlclass0", interfaces.get(networks.get("classroom-macvlan").parent()).name());
        assertEquals(InterfaceKind.MACVLAN, eth0(containers.get("classroom-mv"), interfaces).kind());
        // overlay: a VXLAN device with its VNI
        Network overlay = networks.get("classroom-overlay");
        assertNotNull(overlay.vxlan(), "overlay has a vxlan device");
        assertNotNull(overlay.vni());
    }

    @Test
    @Order(5)
    void upAgainKeepsEverythingAsItIs() throws Exception {
        try (LabService lab = LabService.connect(Lab.ENGINE1)) {
            LabReport again = lab.up(new LabOptions(IMAGE, DNS), LabProgress.NONE);
            assertTrue(again.done().stream().allMatch(d -> d.startsWith("kept running container")), again.done().toString());
            assertEquals(NAMES.size() + 4, lab.status().objects().size(), "9 containers, 3 networks, 1 veth");
        }
    }

    @Test
    @Order(6)
    void downLeavesTheEngineExactlyAsBefore() throws Exception {
        try (LabService lab = LabService.connect(Lab.ENGINE1)) {
            lab.down(LabProgress.NONE);
            assertTrue(lab.status().empty());
        }
        // a removed namespace's veths go with the kernel's deferred cleanup: allow it a moment
        EngineInventory after = EngineInventory.take();
        for (int i = 0; i < 40 && !after.equals(before); i++) {
            Thread.sleep(250);
            after = EngineInventory.take();
        }
        assertEquals(before.containers(), after.containers());
        assertEquals(before.networks(), after.networks());
        assertEquals(before.veths(), after.veths());
    }

    private static List<String> aliases(JsonNode container, String network) {
        List<String> out = new ArrayList<>();
        container.path("NetworkSettings").path("Networks").path(network).path("Aliases").forEach(a -> out.add(a.asText()));
        return out;
    }

    private static NetInterface eth0(Container c, Map<String, NetInterface> interfaces) {
        return interfaces.values().stream().filter(i -> i.namespace().equals(c.namespace()) && i.name().equals("eth0"))
                .findFirst().orElseThrow(() -> new AssertionError("no eth0 in " + c.name()));
    }
}

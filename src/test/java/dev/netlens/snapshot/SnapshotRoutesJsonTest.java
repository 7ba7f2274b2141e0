package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Namespaces' routes and hosts' sysctls in the topology JSON: written, read back, optional, checked. */
class SnapshotRoutesJsonTest {
    private static final Path LAB = Path.of("src/test/resources/captures/scan-lab/expected-snapshot.json");
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The lab file with routes in its host namespace (one on docker0, one unresolved) and settings on its hosts. */
    private static TopologySnapshot withRoutes() throws Exception {
        TopologySnapshot lab = SnapshotJson.read(LAB);
        List<NetNamespace> namespaces = new ArrayList<>();
        for (NetNamespace ns : lab.namespaces()) {
            if (ns.name().equals("host") && namespaces.stream().noneMatch(n -> n.routes() != null)) {
                ns = new NetNamespace(ns.id(), ns.host(), ns.kind(), ns.name(), ns.path(), ns.containers(), List.of(
                        new Route("default", "192.0.2.1", null, "eth9", null, null, null, null),
                        new Route("172.17.0.0/16", null, ns.id() + "/docker0", "docker0", "172.17.0.1", "link", null, 5),
                        new Route("100.64.30.0/24", null, null, null, null, null, "blackhole", null)));
            }
            namespaces.add(ns);
        }
        List<Host> hosts = lab.hosts().stream().map(h -> new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(),
                h.apiVersion(), h.os(), h.kernelVersion(), h.swarmNodeId(), h.underlayAddress(), h.swarmManager(),
                h.kernelView(), h.kernelId(), h.missing(), h.firewall(),
                Map.of("net.ipv4.ip_forward", "1", "net.bridge.bridge-nf-call-iptables", "1"))).toList();
        return new TopologySnapshot(lab.schema(), lab.capturedAt(), lab.source(), hosts, namespaces, lab.interfaces(),
                lab.networks(), lab.containers(), lab.tunnels());
    }

    @Test
    void routesAndSysctlsReadBackAsWritten() throws Exception {
        TopologySnapshot s = withRoutes();
        assertEquals(List.of(), SnapshotValidator.problems(s));
        String json = SnapshotJson.toJson(s);
        assertEquals(DATABIND.writeValueAsString(s), json);
        TopologySnapshot back = SnapshotJson.parse(json);
        assertEquals(s, back);
        assertEquals(3, back.namespaces().stream().filter(n -> n.routes() != null).findFirst().orElseThrow().routes().size());
        assertEquals("1", back.hosts().get(0).sysctls().get("net.bridge.bridge-nf-call-iptables"));
    }

    @Test
    void fileWrittenBeforeRoutesReadsWithNoneAndNoSettings() throws Exception {
        TopologySnapshot old = SnapshotJson.read(LAB);
        assertTrue(old.namespaces().stream().allMatch(n -> n.routes() == null));
        assertTrue(old.hosts().stream().allMatch(h -> h.sysctls().isEmpty()));
        String json = SnapshotJson.toJson(old);
        assertTrue(json.contains("\"routes\" : null"), "null routes are written as null, not as an empty table");
    }

    @Test
    void emptyTableStaysEmptyNotNull() throws Exception {
        TopologySnapshot s = withRoutes();
        NetNamespace first = s.namespaces().get(0);
        List<NetNamespace> namespaces = new ArrayList<>(s.namespaces());
        namespaces.set(0, new NetNamespace(first.id(), first.host(), first.kind(), first.name(), first.path(),
                first.containers(), List.of()));
        TopologySnapshot back = SnapshotJson.parse(SnapshotJson.toJson(new TopologySnapshot(s.schema(), s.capturedAt(),
                s.source(), s.hosts(), namespaces, s.interfaces(), s.networks(), s.containers(), s.tunnels())));
        assertEquals(List.of(), back.namespaces().get(0).routes());
    }

    private static String refusal(String from, String to) throws Exception {
        String json = SnapshotJson.toJson(withRoutes());
        assertTrue(json.contains(from), from);
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse(json.replace(from, to)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("not a valid topology snapshot: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void routesThatAreNoArrayAreRefusedInOneLine() throws Exception {
        String m = refusal("\"routes\" : [", "\"routes\" : \"default via 192.0.2.1\", \"x\" : [");
        assertTrue(m.contains("routes must be an array of routes, not a string"), m);
    }

    @Test
    void routeFieldsOfTheWrongTypeAreRefusedInOneLine() throws Exception {
        assertTrue(refusal("\"metric\" : 5", "\"metric\" : \"5\"").contains("route #2: metric must be a whole number or null, not a string"));
        assertTrue(refusal("\"destination\" : \"default\"", "\"destination\" : 0").contains("route #1: destination must be"));
        assertTrue(refusal("\"gateway\" : \"192.0.2.1\"", "\"gateway\" : [ ]").contains("gateway must be a string or null, not an array"));
        assertTrue(refusal("\"net.ipv4.ip_forward\" : \"1\"", "\"net.ipv4.ip_forward\" : 1").contains("sysctl net.ipv4.ip_forward must be a string, not a number"));
    }

    @Test
    void routeDeviceMustBeAnInterfaceOfItsNamespace() throws Exception {
        String m = refusal("\"device\" : \"" , "\"device\" : \"nowhere/");
        assertTrue(m.contains("route 172.17.0.0/16 device refers to unknown id nowhere/"), m);
        TopologySnapshot s = withRoutes();
        NetInterface elsewhere = s.interfaces().stream().filter(i -> !i.namespace().endsWith("/ns/host")).findFirst().orElseThrow();
        NetNamespace host = s.namespaces().stream().filter(n -> n.routes() != null).findFirst().orElseThrow();
        Route wrong = new Route("10.0.0.0/8", null, elsewhere.id(), elsewhere.name(), null, null, null, null);
        List<NetNamespace> namespaces = new ArrayList<>(s.namespaces());
        namespaces.set(namespaces.indexOf(host), new NetNamespace(host.id(), host.host(), host.kind(), host.name(), host.path(),
                host.containers(), List.of(wrong)));
        List<String> problems = SnapshotValidator.problems(new TopologySnapshot(s.schema(), s.capturedAt(), s.source(),
                s.hosts(), namespaces, s.interfaces(), s.networks(), s.containers(), s.tunnels()));
        assertEquals(List.of("namespace " + host.id() + " route 10.0.0.0/8 device " + elsewhere.id()
                + " is an interface of another namespace"), problems);
    }
}

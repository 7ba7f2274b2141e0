package dev.netlens.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that every id a snapshot refers to is defined in it, and that required fields are there. */
public final class SnapshotValidator {
    private SnapshotValidator() {
    }

    public static List<String> problems(TopologySnapshot s) {
        List<String> problems = new ArrayList<>();
        if (s.capturedAt() == null) {
            problems.add("capturedAt is missing");
        }
        Set<String> hosts = ids(s.hosts().stream().map(Host::id).toList(), "host", problems);
        // Names are drawn: a missing one would fail while drawing, not here.
        s.hosts().stream().filter(h -> h.name() == null).findFirst()
                .ifPresent(h -> problems.add("host " + h.id() + " has no name"));
        Set<String> namespaces = ids(s.namespaces().stream().map(NetNamespace::id).toList(), "namespace", problems);
        Set<String> interfaces = ids(s.interfaces().stream().map(NetInterface::id).toList(), "interface", problems);
        Set<String> networkKeys = new HashSet<>();
        Set<String> networkIds = new HashSet<>();
        for (Network n : s.networks()) {
            if (n.name() == null) {
                problems.add("network " + n.id() + " has no name");
            }
            check(hosts, n.host(), "network " + n.name() + " host", problems);
            networkKeys.add(n.host() + "|" + n.id());
            networkIds.add(n.id());
            optional(interfaces, n.bridge(), "network " + n.name() + " bridge", problems);
            optional(interfaces, n.vxlan(), "network " + n.name() + " vxlan", problems);
            optional(interfaces, n.parent(), "network " + n.name() + " parent", problems);
        }
        Set<String> containerIds = new HashSet<>();
        for (Container c : s.containers()) {
            if (c.name() == null) {
                problems.add("container " + c.id() + " has no name");
            }
            if (c.networkMode() == null) {
                problems.add("container " + c.name() + " has no networkMode");
            }
            check(hosts, c.host(), "container " + c.name() + " host", problems);
            containerIds.add(c.id());
            optional(namespaces, c.namespace(), "container " + c.name() + " namespace", problems);
            for (Endpoint e : c.endpoints()) {
                check(networkKeys, c.host() + "|" + e.network(), "container " + c.name() + " endpoint network", problems);
                optional(interfaces, e.interfaceId(), "container " + c.name() + " endpoint interface", problems);
            }
        }
        for (NetNamespace ns : s.namespaces()) {
            if (ns.kind() == null) {
                problems.add("namespace " + ns.id() + " has no kind");
            }
            check(hosts, ns.host(), "namespace " + ns.id() + " host", problems);
            ns.containers().forEach(c -> check(containerIds, c, "namespace " + ns.id() + " container", problems));
        }
        routes(s, interfaces, problems);
        for (NetInterface i : s.interfaces()) {
            check(namespaces, i.namespace(), "interface " + i.id() + " namespace", problems);
            optional(interfaces, i.master(), "interface " + i.id() + " master", problems);
            optional(interfaces, i.peer(), "interface " + i.id() + " peer", problems);
            optional(interfaces, i.parent(), "interface " + i.id() + " parent", problems);
            if (i.kind() == null) {
                problems.add("interface " + i.id() + " has no kind");
            }
            if (i.name() == null) {
                problems.add("interface " + i.id() + " has no name");
            }
        }
        for (Tunnel t : s.tunnels()) {
            check(networkIds, t.network(), "tunnel network", problems);
            if (t.from() == null || t.to() == null) {
                problems.add("tunnel on " + t.network() + " lacks an end");
            } else {
                optional(hosts, t.from().host(), "tunnel from host", problems);
                optional(hosts, t.to().host(), "tunnel to host", problems);
            }
        }
        return problems;
    }

    /** Each route has a destination, and its device, when named, is an interface of the same namespace. */
    private static void routes(TopologySnapshot s, Set<String> interfaces, List<String> problems) {
        java.util.Map<String, String> namespaceOf = new java.util.HashMap<>();
        s.interfaces().forEach(i -> namespaceOf.put(i.id(), i.namespace()));
        for (NetNamespace ns : s.namespaces()) {
            if (ns.routes() == null) {
                continue;
            }
            for (Route r : ns.routes()) {
                if (r == null || r.destination() == null) {
                    problems.add("namespace " + ns.id() + " has a route without a destination");
                    continue;
                }
                String where = "namespace " + ns.id() + " route " + r.destination() + " device";
                optional(interfaces, r.device(), where, problems);
                if (r.device() != null && interfaces.contains(r.device()) && !ns.id().equals(namespaceOf.get(r.device()))) {
                    problems.add(where + " " + r.device() + " is an interface of another namespace");
                }
            }
        }
    }

    private static Set<String> ids(List<String> ids, String what, List<String> problems) {
        Set<String> set = new HashSet<>();
        for (String id : ids) {
            if (id == null) {
                problems.add("a " + what + " has no id");
            } else if (!set.add(id)) {
                problems.add(what + " id " + id + " is defined twice");
            }
        }
        return set;
    }

    private static void check(Set<String> known, String ref, String where, List<String> problems) {
        if (ref == null || !known.contains(ref)) {
            problems.add(where + " refers to unknown id " + ref);
        }
    }

    private static void optional(Set<String> known, String ref, String where, List<String> problems) {
        if (ref != null && !known.contains(ref)) {
            problems.add(where + " refers to unknown id " + ref);
        }
    }
}

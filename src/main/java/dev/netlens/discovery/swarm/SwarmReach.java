package dev.netlens.discovery.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineUnreachableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A whole swarm from one manager: its nodes ({@code GET /nodes}) and, for each, the engine that is
 * that node. A node's engine is never guessed: an address is taken only once its engine's own
 * {@code /info} reports the node's id. Candidates, in order: the manager itself; the engines the user
 * named and the local dockerd sockets; else the node's address in the manager's transport
 * ({@code tcp://{addr}:PORT}, {@code ssh://user@{addr}:PORT}) or in the user's template.
 */
public final class SwarmReach {
    /** The placeholder a node address template carries. */
    public static final String ADDR = "{addr}";
    /** Only hostnames and IPv4/IPv6 literals are put into an address: nothing else from an engine. */
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]*");
    private final Function<String, EngineApi> connector;

    public SwarmReach(Function<String, EngineApi> connector) {
        this.connector = connector;
    }

    /** The swarm's nodes, as the manager lists them, by hostname then address. */
    public static List<SwarmNode> nodes(EngineApi manager) throws EngineApiException, EngineUnreachableException {
        List<SwarmNode> nodes = new ArrayList<>();
        for (JsonNode n : manager.get("/nodes")) {
            Map<String, String> labels = new TreeMap<>();
            n.path("Spec").path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            nodes.add(new SwarmNode(n.path("ID").asText(), n.path("Description").path("Hostname").asText(""),
                    n.path("Status").path("Addr").asText(""), n.path("Spec").path("Role").asText(""),
                    n.path("Spec").path("Availability").asText(""), n.path("Status").path("State").asText(""), labels));
        }
        nodes.sort(java.util.Comparator.comparing(SwarmNode::hostname).thenComparing(SwarmNode::address));
        return nodes;
    }

    /**
     * Every node of the manager's swarm with the engine that is that node, or why there is none.
     *
     * @param template the user's node address ({@code tcp://{addr}:2375}), or null for the manager's transport
     * @param candidates engines that may be nodes (the user's, this machine's dockerd sockets): each is asked
     * @throws IllegalArgumentException when the engine is not a swarm manager (a one-line reason)
     */
    public List<NodeReach> plan(String manager, String template, List<String> candidates)
            throws EngineApiException, EngineUnreachableException {
        List<SwarmNode> nodes;
        String managerId;
        try (EngineApi api = connector.apply(manager)) {
            JsonNode swarm = api.get("/info").path("Swarm");
            if (!"active".equals(swarm.path("LocalNodeState").asText())) {
                throw new IllegalArgumentException("engine " + manager + " is not part of a swarm");
            }
            if (!swarm.path("ControlAvailable").asBoolean(false)) {
                throw new IllegalArgumentException("engine " + manager + " is a swarm worker; --swarm needs a manager");
            }
            managerId = swarm.path("NodeID").asText();
            nodes = nodes(api);
        }
        Map<String, String> byNode = new LinkedHashMap<>();
        byNode.put(managerId, manager);
        Map<String, String> refused = new LinkedHashMap<>();
        if (nodes.stream().anyMatch(n -> !byNode.containsKey(n.id()))) {
            for (String candidate : new LinkedHashSet<>(candidates)) {
                if (!candidate.equals(manager)) {
                    nodeIdAt(candidate, refused).ifPresent(id -> byNode.putIfAbsent(id, candidate));
                }
            }
        }
        String pattern = template != null ? template : sameTransport(manager);
        List<NodeReach> plan = new ArrayList<>();
        for (SwarmNode node : nodes) {
            String known = byNode.get(node.id());
            if (known != null) {
                plan.add(new NodeReach(node, known, null));
            } else if (!node.ready()) {
                plan.add(new NodeReach(node, null, "the swarm reports this node " + node.state()));
            } else if (pattern == null) {
                plan.add(new NodeReach(node, null, "no engine of this node is known: the manager is a local socket; "
                        + "name its engine with --host, or give --swarm-node-host tcp://{addr}:2375 (or ssh://USER@{addr})"));
            } else if (!PLAIN_ADDRESS.matcher(node.address()).matches()) {
                plan.add(new NodeReach(node, null, "the node reports no usable address"));
            } else {
                plan.add(tryAddress(node, expand(pattern, node.address())));
            }
        }
        return plan;
    }

    private NodeReach tryAddress(SwarmNode node, String endpoint) {
        Map<String, String> refused = new LinkedHashMap<>();
        var id = nodeIdAt(endpoint, refused);
        if (id.isEmpty()) {
            return new NodeReach(node, null, refused.getOrDefault(endpoint, "engine " + endpoint + " does not answer"));
        }
        if (!id.get().equals(node.id())) {
            return new NodeReach(node, null, "engine " + endpoint + " answers, but is not this node");
        }
        return new NodeReach(node, endpoint, null);
    }

    /** The swarm node id an engine reports, or empty (the reason kept in {@code refused}). */
    private java.util.Optional<String> nodeIdAt(String endpoint, Map<String, String> refused) {
        try (EngineApi api = connector.apply(endpoint)) {
            String id = api.get("/info").path("Swarm").path("NodeID").asText("");
            return id.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(id);
        } catch (EngineApiException | EngineUnreachableException | RuntimeException e) {
            refused.put(endpoint, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The manager's address with its host replaced by {addr}: tcp and ssh keep port and user. */
    static String sameTransport(String manager) {
        URI uri;
        try {
            uri = URI.create(manager);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (!"tcp".equals(scheme) && !"ssh".equals(scheme) && !"https".equals(scheme) && !"http".equals(scheme)) {
            return null;
        }
        String user = uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@";
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return scheme + "://" + user + ADDR + port;
    }

    static String expand(String template, String address) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return template.replace(ADDR, host);
    }
}

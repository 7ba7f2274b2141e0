package dev.netlens.discovery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Peer;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.ServiceRecord;
import dev.netlens.snapshot.ServiceTask;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads everything Netlens needs from one engine's API and maps it to Netlens's own records. The
 * engine's JSON field names live here and nowhere else.
 */
public final class EngineReader {
    private final EngineApi api;
    private final ExecutorService pool;

    /** @param pool runs the per-network and per-container inspects side by side */
    public EngineReader(EngineApi api, ExecutorService pool) {
        this.api = api;
        this.pool = pool;
    }

    public EngineFacts read() throws EngineApiException, EngineUnreachableException {
        EngineInfo info = readInfo();
        List<String> problems = new ArrayList<>();
        List<EngineNetwork> networks = inspectAll(api.get("/networks"), "Id", "network",
                id -> "/networks/" + encode(id) + "?verbose=true", EngineReader::toNetwork, problems);
        List<EngineContainer> containers = inspectAll(api.get("/containers/json?all=1"), "Id", "container",
                id -> "/containers/" + encode(id) + "/json", EngineReader::toContainer, problems);
        return new EngineFacts(info, networks, containers, problems);
    }

    /**
     * What {@link #read()} would give now, from an earlier read and what changed since: both lists are
     * asked again (cheap), and only these are inspected again: the containers and networks named in
     * {@code containers} and {@code networks}, the ones new in the lists, the containers whose listed
     * state differs from the earlier inspect, and every swarm-scoped network (its peers and tasks
     * change with no event on this engine). The rest keep their earlier inspect, and the engine's info
     * is kept unless networks came, went or a swarm one changed. Order follows the
     * new lists, as a full read's does; one that vanished between list and inspect is noted and skipped.
     */
    public EngineFacts readChanged(EngineFacts earlier, java.util.Set<String> containers, java.util.Set<String> networks)
            throws EngineApiException, EngineUnreachableException {
        JsonNode networkList = api.get("/networks");
        JsonNode containerList = api.get("/containers/json?all=1");
        Map<String, EngineNetwork> oldNetworks = new java.util.HashMap<>();
        earlier.networks().forEach(n -> oldNetworks.put(n.id(), n));
        Map<String, EngineContainer> oldContainers = new java.util.HashMap<>();
        earlier.containers().forEach(c -> oldContainers.put(c.id(), c));
        List<String> networkIds = new ArrayList<>();
        java.util.Set<String> inspectNetworks = new java.util.HashSet<>();
        for (JsonNode item : networkList) {
            String id = item.path("Id").asText();
            networkIds.add(id);
            EngineNetwork old = oldNetworks.get(id);
            if (old == null || networks.contains(id) || "swarm".equals(old.scope()) || "swarm".equals(text(item, "Scope"))) {
                inspectNetworks.add(id);
            }
        }
        // The engine's own facts (name, version, swarm role) change with no container event; a swarm
        // join or leave makes or removes networks (ingress, overlays): only then is it asked again.
        boolean swarmMayHaveChanged = !networkIds.containsAll(oldNetworks.keySet()) || networks.stream()
                .anyMatch(id -> !oldNetworks.containsKey(id) || "swarm".equals(oldNetworks.get(id).scope()));
        Future<EngineInfo> info = swarmMayHaveChanged ? pool.submit(this::readInfo)
                : java.util.concurrent.CompletableFuture.completedFuture(earlier.info());
        List<String> containerIds = new ArrayList<>();
        java.util.Set<String> inspectContainers = new java.util.HashSet<>();
        for (JsonNode item : containerList) {
            String id = item.path("Id").asText();
            containerIds.add(id);
            EngineContainer old = oldContainers.get(id);
            if (old == null || containers.contains(id) || !java.util.Objects.equals(old.state(), text(item, "State"))) {
                inspectContainers.add(id);
            }
        }
        List<String> problems = new ArrayList<>();
        // Both kinds of inspects are queued at once; their problems are noted networks first, as read() does.
        Map<String, Future<JsonNode>> pendingNetworks = submitAll(networkIds, inspectNetworks,
                id -> "/networks/" + encode(id) + "?verbose=true");
        Map<String, Future<JsonNode>> pendingContainers = submitAll(containerIds, inspectContainers,
                id -> "/containers/" + encode(id) + "/json");
        List<EngineNetwork> newNetworks = collect(networkIds, pendingNetworks, oldNetworks, "network",
                EngineReader::toNetwork, problems);
        List<EngineContainer> newContainers = collect(containerIds, pendingContainers, oldContainers, "container",
                EngineReader::toContainer, problems);
        EngineInfo engineInfo = await(info, "the engine's info");
        return new EngineFacts(engineInfo, newNetworks, newContainers, problems);
    }

    private Map<String, Future<JsonNode>> submitAll(List<String> ids, java.util.Set<String> wanted,
            Function<String, String> path) {
        Map<String, Future<JsonNode>> pending = new java.util.HashMap<>();
        for (String id : ids) {
            if (wanted.contains(id)) {
                pending.put(id, pool.submit(() -> api.get(path.apply(id))));
            }
        }
        return pending;
    }

    private <T> List<T> collect(List<String> ids, Map<String, Future<JsonNode>> pending, Map<String, T> earlier,
            String what, Function<JsonNode, T> mapper, List<String> problems)
            throws EngineApiException, EngineUnreachableException {
        List<T> result = new ArrayList<>();
        for (String id : ids) {
            Future<JsonNode> future = pending.get(id);
            if (future == null) {
                result.add(earlier.get(id));
                continue;
            }
            try {
                result.add(mapper.apply(future.get()));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof EngineApiException apiError && apiError.notFound()) {
                    problems.add(what + " " + shortId(id) + " vanished during the scan; skipped");
                } else if (cause instanceof EngineApiException apiError) {
                    throw apiError;
                } else if (cause instanceof EngineUnreachableException unreachable) {
                    throw unreachable;
                } else {
                    throw new EngineUnreachableException("could not read " + what + " " + shortId(id), cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineUnreachableException("interrupted while reading the engine", e);
            }
        }
        return result;
    }

    private static <T> T await(Future<T> future, String what) throws EngineApiException, EngineUnreachableException {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof EngineApiException apiError) {
                throw apiError;
            }
            if (e.getCause() instanceof EngineUnreachableException unreachable) {
                throw unreachable;
            }
            throw new EngineUnreachableException("could not read " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnreachableException("interrupted while reading the engine", e);
        }
    }

    public EngineInfo readInfo() throws EngineApiException, EngineUnreachableException {
        JsonNode info = api.get("/info");
        JsonNode version = api.get("/version");
        JsonNode swarm = info.path("Swarm");
        boolean active = "active".equals(swarm.path("LocalNodeState").asText());
        return new EngineInfo(
                text(info, "ID"),
                text(info, "Name"),
                text(info, "ServerVersion"),
                text(version, "ApiVersion"),
                text(info, "OperatingSystem"),
                text(info, "KernelVersion"),
                active ? blankToNull(text(swarm, "NodeID")) : null,
                active ? blankToNull(text(swarm, "NodeAddr")) : null,
                active && swarm.path("ControlAvailable").asBoolean(false),
                text(info, "DockerRootDir"));
    }

    /** Inspects each listed item in parallel; one that vanished in between is noted and skipped. */
    private <T> List<T> inspectAll(JsonNode list, String idField, String what, Function<String, String> path,
            Function<JsonNode, T> mapper, List<String> problems)
            throws EngineApiException, EngineUnreachableException {
        List<Future<JsonNode>> pending = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : list) {
            String id = item.path(idField).asText();
            ids.add(id);
            pending.add(pool.submit(() -> api.get(path.apply(id))));
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            try {
                result.add(mapper.apply(pending.get(i).get()));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof EngineApiException apiError && apiError.notFound()) {
                    problems.add(what + " " + shortId(ids.get(i)) + " vanished during the scan; skipped");
                } else if (cause instanceof EngineApiException apiError) {
                    throw apiError;
                } else if (cause instanceof EngineUnreachableException unreachable) {
                    throw unreachable;
                } else {
                    throw new EngineUnreachableException("could not read " + what + " " + shortId(ids.get(i)), cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineUnreachableException("interrupted while reading the engine", e);
            }
        }
        return result;
    }

    static EngineNetwork toNetwork(JsonNode json) {
        List<String> subnets = new ArrayList<>();
        List<String> gateways = new ArrayList<>();
        for (JsonNode config : json.path("IPAM").path("Config")) {
            addIfPresent(subnets, text(config, "Subnet"));
            addIfPresent(gateways, text(config, "Gateway"));
        }
        List<Peer> peers = new ArrayList<>();
        for (JsonNode peer : json.path("Peers")) {
            peers.add(new Peer(text(peer, "Name"), text(peer, "IP")));
        }
        // The engine builds these lists from maps, in a different order each time: sort them, so that
        // an unchanged network reads the same on every pass and the view is not redrawn for nothing.
        peers.sort(java.util.Comparator.comparing(Peer::address, java.util.Comparator.nullsFirst(String::compareTo)));
        List<ServiceRecord> services = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = json.path("Services").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            services.add(toService(entry.getKey(), entry.getValue()));
        }
        services.sort(java.util.Comparator.comparing(ServiceRecord::name));
        return new EngineNetwork(
                text(json, "Id"),
                text(json, "Name"),
                text(json, "Driver"),
                text(json, "Scope"),
                json.path("Internal").asBoolean(false),
                json.path("Attachable").asBoolean(false),
                json.path("Ingress").asBoolean(false),
                subnets,
                gateways,
                stringMap(json.path("Options")),
                peers,
                services);
    }

    private static ServiceRecord toService(String name, JsonNode json) {
        List<String> ports = new ArrayList<>();
        json.path("Ports").forEach(port -> ports.add(port.asText()));
        List<ServiceTask> tasks = new ArrayList<>();
        for (JsonNode task : json.path("Tasks")) {
            tasks.add(new ServiceTask(text(task, "Name"), blankToNull(text(task, "EndpointIP")),
                    blankToNull(text(task.path("Info"), "Host IP"))));
        }
        tasks.sort(java.util.Comparator.comparing((ServiceTask t) -> String.valueOf(t.name()))
                .thenComparing(t -> String.valueOf(t.hostIp())).thenComparing(t -> String.valueOf(t.endpointIp())));
        // The engine files tasks without a service (plain containers on an attachable overlay) under "".
        return new ServiceRecord(name, blankToNull(text(json, "VIP")), ports, tasks);
    }

    static EngineContainer toContainer(JsonNode json) {
        JsonNode settings = json.path("NetworkSettings");
        List<Endpoint> endpoints = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> networks = settings.path("Networks").fields();
        while (networks.hasNext()) {
            Map.Entry<String, JsonNode> entry = networks.next();
            JsonNode ep = entry.getValue();
            List<String> aliases = new ArrayList<>();
            ep.path("Aliases").forEach(alias -> aliases.add(alias.asText()));
            endpoints.add(new Endpoint(
                    text(ep, "NetworkID"),
                    entry.getKey(),
                    withPrefix(text(ep, "IPAddress"), ep.path("IPPrefixLen").asInt()),
                    withPrefix(text(ep, "GlobalIPv6Address"), ep.path("GlobalIPv6PrefixLen").asInt()),
                    blankToNull(text(ep, "MacAddress")),
                    aliases,
                    null));
        }
        List<PortMapping> ports = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> bindings = settings.path("Ports").fields();
        while (bindings.hasNext()) {
            Map.Entry<String, JsonNode> entry = bindings.next();
            String[] portProto = entry.getKey().split("/");
            int containerPort = parsePort(portProto[0]);
            String protocol = portProto.length > 1 ? portProto[1] : "tcp";
            for (JsonNode binding : entry.getValue()) {
                ports.add(new PortMapping(blankToNull(text(binding, "HostIp")), parsePort(text(binding, "HostPort")),
                        containerPort, protocol));
            }
        }
        String name = text(json, "Name");
        return new EngineContainer(
                text(json, "Id"),
                name != null && name.startsWith("/") ? name.substring(1) : name,
                text(json.path("Config"), "Image"),
                text(json.path("State"), "Status"),
                json.path("State").path("Pid").asLong(0),
                text(json.path("HostConfig"), "NetworkMode"),
                text(settings, "SandboxKey") == null ? "" : text(settings, "SandboxKey"),
                endpoints,
                ports,
                groupingLabels(json.path("Config").path("Labels")));
    }

    /**
     * Only the labels that say which compose project, stack or service a container belongs to; the
     * others are not even copied (they can hold anything a user put there).
     */
    private static Map<String, String> groupingLabels(JsonNode labels) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String key : Container.GROUPING_LABELS) {
            JsonNode value = labels.get(key);
            if (value != null && value.isTextual()) {
                kept.put(key, value.asText());
            }
        }
        return kept;
    }

    private static int parsePort(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String withPrefix(String address, int prefix) {
        return address == null || address.isBlank() ? null : address + "/" + prefix;
    }

    private static Map<String, String> stringMap(JsonNode json) {
        Map<String, String> map = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}

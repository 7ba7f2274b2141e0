package dev.netlens.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes a snapshot as {@code netlens.topology/v1} JSON field by field with Jackson's streaming
 * generator. Why not databind: the headless export is a one-shot process, and databind's object
 * mapping (serializer construction, record introspection, several hundred classes loaded and run
 * cold) cost it more than the whole warm discovery at 200 containers. The output is exactly what
 * databind writes for these records (SnapshotWriterTest compares the two), so readers see no change.
 */
final class SnapshotWriter {
    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final JsonGenerator g;

    private SnapshotWriter(JsonGenerator g) {
        this.g = g;
    }

    /** Writes the snapshot, then the saved positions as {@code layout} when there are any. */
    static void write(TopologySnapshot s, Map<String, List<Double>> layout, Writer out) throws IOException {
        write(s, layout, null, out);
    }

    /**
     * Writes the snapshot, the saved positions as {@code layout} when there are any, and the
     * collapsed ids as {@code collapsed} unless they are null (an empty list is written: nothing was).
     */
    static void write(TopologySnapshot s, Map<String, List<Double>> layout, List<String> collapsed, Writer out)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            new SnapshotWriter(g).snapshot(s, layout, collapsed);
        }
    }

    private void snapshot(TopologySnapshot s, Map<String, List<Double>> layout, List<String> collapsed) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", s.schema());
        g.writeStringField("capturedAt", s.capturedAt());
        g.writeStringField("source", s.source());
        array("hosts", s.hosts(), this::host);
        array("namespaces", s.namespaces(), this::namespace);
        array("interfaces", s.interfaces(), this::netInterface);
        array("networks", s.networks(), this::network);
        array("containers", s.containers(), this::container);
        array("tunnels", s.tunnels(), this::tunnel);
        if (layout != null && !layout.isEmpty()) {
            g.writeObjectFieldStart("layout");
            for (Map.Entry<String, List<Double>> e : layout.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (double d : e.getValue()) {
                    g.writeNumber(Math.round(d * 10) / 10.0); // a tenth of a pixel is enough
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (collapsed != null) {
            strings("collapsed", collapsed);
        }
        g.writeEndObject();
    }

    private void host(Host h) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", h.id());
        g.writeStringField("endpoint", h.endpoint());
        g.writeStringField("name", h.name());
        g.writeStringField("engineVersion", h.engineVersion());
        g.writeStringField("apiVersion", h.apiVersion());
        g.writeStringField("os", h.os());
        g.writeStringField("kernelVersion", h.kernelVersion());
        g.writeStringField("swarmNodeId", h.swarmNodeId());
        g.writeStringField("underlayAddress", h.underlayAddress());
        g.writeBooleanField("swarmManager", h.swarmManager());
        g.writeBooleanField("kernelView", h.kernelView());
        g.writeStringField("kernelId", h.kernelId());
        strings("missing", h.missing());
        g.writeFieldName("firewall");
        FirewallCapture f = h.firewall();
        if (f == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("iptablesSave", f.iptablesSave());
            g.writeStringField("ip6tablesSave", f.ip6tablesSave());
            g.writeStringField("nftRuleset", f.nftRuleset());
            strings("missing", f.missing());
            g.writeEndObject();
        }
        g.writeObjectFieldStart("sysctls"); // never null: the record keeps an empty map, sorted by key
        for (Map.Entry<String, String> e : h.sysctls().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void namespace(NetNamespace n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("host", n.host());
        g.writeStringField("kind", n.kind() == null ? null : n.kind().wireName());
        g.writeStringField("name", n.name());
        g.writeStringField("path", n.path());
        strings("containers", n.containers());
        g.writeFieldName("routes");
        if (n.routes() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (Route r : n.routes()) {
                route(r);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void route(Route r) throws IOException {
        g.writeStartObject();
        g.writeStringField("destination", r.destination());
        g.writeStringField("gateway", r.gateway());
        g.writeStringField("device", r.device());
        g.writeStringField("deviceName", r.deviceName());
        g.writeStringField("source", r.source());
        g.writeStringField("scope", r.scope());
        g.writeStringField("type", r.type());
        integer("metric", r.metric());
        g.writeEndObject();
    }

    private void netInterface(NetInterface i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("namespace", i.namespace());
        g.writeStringField("name", i.name());
        g.writeNumberField("ifindex", i.ifindex());
        g.writeStringField("kind", i.kind() == null ? null : i.kind().wireName());
        g.writeStringField("mac", i.mac());
        g.writeNumberField("mtu", i.mtu());
        g.writeStringField("state", i.state());
        strings("addresses", i.addresses());
        g.writeStringField("master", i.master());
        g.writeStringField("peer", i.peer());
        g.writeStringField("parent", i.parent());
        integer("vni", i.vni());
        integer("vxlanPort", i.vxlanPort());
        g.writeEndObject();
    }

    private void network(Network n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("host", n.host());
        g.writeStringField("name", n.name());
        g.writeStringField("driver", n.driver());
        g.writeStringField("scope", n.scope());
        g.writeBooleanField("internal", n.internal());
        g.writeBooleanField("attachable", n.attachable());
        g.writeBooleanField("ingress", n.ingress());
        strings("subnets", n.subnets());
        strings("gateways", n.gateways());
        g.writeStringField("bridge", n.bridge());
        g.writeStringField("vxlan", n.vxlan());
        g.writeStringField("parent", n.parent());
        integer("vni", n.vni());
        array("peers", n.peers(), p -> {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            g.writeStringField("address", p.address());
            g.writeEndObject();
        });
        array("services", n.services(), this::service);
        g.writeFieldName("options");
        if (n.options() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, String> e : n.options().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void service(ServiceRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeStringField("vip", r.vip());
        strings("ports", r.ports());
        array("tasks", r.tasks(), t -> {
            g.writeStartObject();
            g.writeStringField("name", t.name());
            g.writeStringField("endpointIp", t.endpointIp());
            g.writeStringField("hostIp", t.hostIp());
            g.writeEndObject();
        });
        g.writeEndObject();
    }

    private void container(Container c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("host", c.host());
        g.writeStringField("name", c.name());
        g.writeStringField("image", c.image());
        g.writeStringField("state", c.state());
        g.writeStringField("networkMode", c.networkMode());
        g.writeStringField("namespace", c.namespace());
        array("endpoints", c.endpoints(), e -> {
            g.writeStartObject();
            g.writeStringField("network", e.network());
            g.writeStringField("networkName", e.networkName());
            g.writeStringField("ipv4", e.ipv4());
            g.writeStringField("ipv6", e.ipv6());
            g.writeStringField("mac", e.mac());
            strings("aliases", e.aliases());
            g.writeStringField("interface", e.interfaceId());
            g.writeEndObject();
        });
        array("ports", c.ports(), p -> {
            g.writeStartObject();
            g.writeStringField("hostIp", p.hostIp());
            g.writeNumberField("hostPort", p.hostPort());
            g.writeNumberField("containerPort", p.containerPort());
            g.writeStringField("protocol", p.protocol());
            g.writeEndObject();
        });
        g.writeObjectFieldStart("labels"); // never null: the record keeps only the grouping labels, sorted
        for (Map.Entry<String, String> e : c.labels().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void tunnel(Tunnel t) throws IOException {
        g.writeStartObject();
        g.writeStringField("network", t.network());
        g.writeStringField("networkName", t.networkName());
        g.writeNumberField("vni", t.vni());
        end("from", t.from());
        end("to", t.to());
        g.writeEndObject();
    }

    private void end(String field, TunnelEnd e) throws IOException {
        g.writeFieldName(field);
        if (e == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("host", e.host());
        g.writeStringField("address", e.address());
        g.writeEndObject();
    }

    /** Writes one item of an array. */
    private interface Item<T> {
        void write(T item) throws IOException;
    }

    /** A list field (the records never hold a null list: they copy it to an empty one). */
    private <T> void array(String field, List<T> items, Item<T> write) throws IOException {
        g.writeArrayFieldStart(field);
        for (T item : items) {
            write.write(item);
        }
        g.writeEndArray();
    }

    private void strings(String field, List<String> values) throws IOException {
        g.writeFieldName(field);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private void integer(String field, Integer value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }
}

package dev.netlens.discovery.helper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.engine.EngineWrites;
import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.json.JsonTree;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One short-lived helper container on an engine: created from an image the engine has, with only
 * the capabilities it needs, then used to run fixed commands (exec), then removed. Every request
 * that changes the engine is here.
 */
public final class HelperContainer implements AutoCloseable {
    public static final String LABEL = "netlens.helper";
    /**
     * Capabilities, each for one thing: SYS_ADMIN and SYS_CHROOT to enter the engine's network and
     * mount namespaces (setns), SYS_PTRACE to open another process's namespace files in /proc,
     * NET_ADMIN to read the firewall (netlink refuses a dump of nf_tables without it). All others dropped.
     */
    static final List<String> CAPABILITIES = List.of("SYS_ADMIN", "SYS_CHROOT", "SYS_PTRACE", "NET_ADMIN");
    /** It stops by itself after this long, should Netlens die before removing it. */
    static final int LIFETIME_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineApi api;
    private final EngineWrites writes;
    private final String id;
    private final String name;
    private final String image;

    private HelperContainer(EngineApi api, EngineWrites writes, String id, String name, String image) {
        this.api = api;
        this.writes = writes;
        this.id = id;
        this.name = name;
        this.image = image;
    }

    /**
     * Removes leftovers of earlier runs, then creates and starts a helper from {@code image}.
     *
     * @throws HelperRefusedException when the engine refuses it (capabilities, host pid mode, ...)
     */
    static HelperContainer start(EngineApi api, EngineWrites writes, String image)
            throws HelperRefusedException, EngineUnreachableException {
        removeLeftovers(api, writes);
        String name = "nlhelp-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        EngineWrites.Answer created = writes.send("POST", "/containers/create?name=" + name, createBody(image));
        if (!created.ok()) {
            throw new HelperRefusedException("the engine refused to create the helper container: " + created.message());
        }
        String id;
        try {
            id = JsonTree.parse(created.body()).path("Id").asText();
        } catch (IOException e) {
            throw new HelperRefusedException("the engine's answer to creating the helper container was not JSON");
        }
        HelperContainer helper = new HelperContainer(api, writes, id, name, image);
        EngineWrites.Answer started = writes.send("POST", "/containers/" + id + "/start", null);
        if (!started.ok()) {
            helper.close();
            throw new HelperRefusedException("the engine refused to start the helper container (capabilities "
                    + String.join(", ", CAPABILITIES) + ", host pid and network): " + oneLine(started.message()));
        }
        return helper;
    }

    static String createBody(String image) {
        ObjectNode body = JSON.createObjectNode();
        body.put("Image", image);
        body.putArray("Entrypoint").add("/bin/sh");
        body.putArray("Cmd").add("-c").add("exec sleep " + LIFETIME_SECONDS);
        body.putObject("Labels").put(LABEL, "1");
        body.put("AttachStdout", false);
        body.put("AttachStderr", false);
        ObjectNode host = body.putObject("HostConfig");
        host.putArray("CapDrop").add("ALL");
        ArrayNode add = host.putArray("CapAdd");
        CAPABILITIES.forEach(add::add);
        // Docker's default seccomp profile refuses setns into a mount namespace.
        host.putArray("SecurityOpt").add("seccomp=unconfined");
        host.put("PidMode", "host");
        host.put("NetworkMode", "host");
        host.put("ReadonlyRootfs", true);
        return body.toString();
    }

    /** Removes every container labelled {@code netlens.helper=1}: what an earlier run left. */
    static void removeLeftovers(EngineApi api, EngineWrites writes) throws EngineUnreachableException {
        String filter = URLEncoder.encode("{\"label\":[\"" + LABEL + "=1\"]}", StandardCharsets.UTF_8);
        JsonNode leftovers;
        try {
            leftovers = api.get("/containers/json?all=1&filters=" + filter);
        } catch (EngineApiException e) {
            return;
        }
        for (JsonNode c : leftovers) {
            writes.send("DELETE", "/containers/" + c.path("Id").asText() + "?force=1", null);
        }
    }

    /**
     * Runs a fixed argument list in the helper and waits for it to end.
     *
     * @throws IOException when the engine could not run it
     */
    CommandResult exec(List<String> argv) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        ArrayNode cmd = body.putArray("Cmd");
        argv.forEach(cmd::add);
        try {
            EngineWrites.Answer created = writes.send("POST", "/containers/" + id + "/exec", body.toString());
            if (!created.ok()) {
                throw new IOException("the helper could not run " + argv.get(0) + ": " + created.message());
            }
            String exec = JsonTree.parse(created.body()).path("Id").asText();
            EngineWrites.Answer output = writes.send("POST", "/exec/" + exec + "/start", "{\"Detach\":false,\"Tty\":false}");
            if (!output.ok()) {
                throw new IOException("the helper could not run " + argv.get(0) + ": " + output.message());
            }
            ExecStream streams = ExecStream.demultiplex(output.body());
            JsonNode state = api.get("/exec/" + exec + "/json");
            return new CommandResult(state.path("ExitCode").asInt(-1), streams.stdout(), streams.stderr());
        } catch (EngineUnreachableException | EngineApiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String image() {
        return image;
    }

    /** Removes the helper; an engine that cannot be reached leaves it for the next start to remove. */
    @Override
    public void close() {
        removeWith(writes);
    }

    /** Removes the helper over another connection to its engine (the pass's own may be closed by then). */
    void removeWith(EngineWrites connection) {
        try {
            connection.send("DELETE", "/containers/" + id + "?force=1", null);
        } catch (EngineUnreachableException e) {
            // removed at the next start, by its label
        }
    }

    private static String oneLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

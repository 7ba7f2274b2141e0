package dev.netlens.lab;

import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.KernelAccess;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.json.JsonTree;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Host links through iproute2's {@code ip}, always run with an argument list, never a shell. */
final class IpHostLinks implements HostLinks {
    private static final ProcessCommandRunner RUNNER = new ProcessCommandRunner(java.time.Duration.ofSeconds(10));
    private final Path procStatus;

    IpHostLinks(Path procStatus) {
        this.procStatus = procStatus;
    }

    static IpHostLinks system() {
        return new IpHostLinks(Path.of("/proc/self/status"));
    }

    @Override
    public Optional<String> unavailable() {
        if (!Files.isReadable(procStatus)) {
            return Optional.of("this is not a Linux machine");
        }
        if (!effectiveRoot()) {
            return Optional.of("Netlens is not running as root, so it cannot create the veth pair macvlan needs as its parent");
        }
        if (ip() == null) {
            return Optional.of("the ip command (iproute2) is missing");
        }
        return Optional.empty();
    }

    private boolean effectiveRoot() {
        try {
            return KernelAccess.identity(procStatus).root();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean exists(String name) {
        return ip() != null && run("link", "show", "dev", name).ok();
    }

    @Override
    public String alias(String name) {
        Result r = run("-j", "link", "show", "dev", name);
        if (!r.ok()) {
            return "";
        }
        try {
            JsonNode link = JsonTree.parse(r.out()).path(0);
            return link.path("ifalias").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void createVethPair(String name, String peer, String alias) throws LabException {
        check(run("link", "add", name, "type", "veth", "peer", "name", peer));
        check(run("link", "set", "dev", name, "alias", alias));
        check(run("link", "set", "dev", name, "up"));
        check(run("link", "set", "dev", peer, "up"));
    }

    @Override
    public void delete(String name) throws LabException {
        check(run("link", "del", "dev", name)); // deleting one end of a veth removes its peer too
    }

    private static void check(Result r) throws LabException {
        if (!r.ok()) {
            throw new LabException(LabException.Reason.FAILED, String.join(" ", r.argv()) + " failed: " + r.err().strip());
        }
    }

    private static String ip() {
        return RUNNER.binaryOf("ip").map(Path::toString).orElse(null);
    }

    private static Result run(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(ip() == null ? "ip" : ip());
        argv.addAll(List.of(args));
        try {
            // The shared runner: stderr drained beside stdout, and a command past its time is killed.
            CommandResult r = RUNNER.run(argv);
            return new Result(argv, r.ok(), r.stdout(), r.stderr());
        } catch (IOException e) {
            return new Result(argv, false, "", e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private record Result(List<String> argv, boolean ok, String out, String err) {
    }
}

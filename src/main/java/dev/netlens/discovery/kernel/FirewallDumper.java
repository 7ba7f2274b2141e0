package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.FirewallCapture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures the engine namespace's firewall as text: iptables-save, ip6tables-save and nft's JSON,
 * with each rule's packet and byte counters ({@code -c}; nft prints its {@code counter} statements'
 * values anyway): the firewall panel shows which rules matched, and how many more while the user
 * reproduces a problem.
 */
public final class FirewallDumper {
    static final List<String> IPTABLES_SAVE = List.of("iptables-save", "-c");
    static final List<String> IP6TABLES_SAVE = List.of("ip6tables-save", "-c");

    private final CommandRunner runner;

    public FirewallDumper(CommandRunner runner) {
        this.runner = runner;
    }

    /** Runs the three dumps side by side: each is a process of its own, mostly waiting. */
    private static final java.util.concurrent.ExecutorService SIDE = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netlens-firewall");
        t.setDaemon(true);
        return t;
    });

    /** The three dumps; a part that cannot be read is null, with why in {@link FirewallCapture#missing()}. */
    public FirewallCapture read(EngineProcess engine) {
        // Each dump notes its own problems; they are joined in a fixed order (v4, v6, nft).
        List<String> missing4 = new ArrayList<>();
        List<String> missing6 = new ArrayList<>();
        List<String> missingNft = new ArrayList<>();
        java.util.concurrent.Future<String> v6 = SIDE.submit(() -> capture(engine, IP6TABLES_SAVE, missing6));
        java.util.concurrent.Future<String> nft = SIDE.submit(() -> runner.isAvailable("nft")
                ? capture(engine, List.of("nft", "-j", "list", "ruleset"), missingNft) : null);
        String v4 = capture(engine, IPTABLES_SAVE, missing4);
        List<String> missing = new ArrayList<>(missing4);
        String six = join(v6, "ip6tables-save", missing6);
        missing.addAll(missing6);
        String nftJson = join(nft, "nft", missingNft);
        missing.addAll(missingNft);
        return new FirewallCapture(v4, six, nftJson, missing);
    }

    private static String join(java.util.concurrent.Future<String> future, String what, List<String> missing) {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            missing.add(what + " failed: " + e.getCause().getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            missing.add(what + " not read: interrupted");
            return null;
        }
    }

    private String capture(EngineProcess engine, List<String> command, List<String> missing) {
        List<String> argv = engine.sharesOurNamespace() ? command : KernelReader.nsenter(engine.hostNamespace().toString(), command);
        try {
            CommandResult result = runner.run(argv);
            if (result.ok()) {
                return result.stdout();
            }
            missing.add(command.get(0) + " failed: " + result.firstErrorLine());
        } catch (CommandNotFoundException e) {
            missing.add(e.program() + " is not installed: its rules are not shown");
        } catch (IOException e) {
            missing.add(command.get(0) + " failed: " + e.getMessage());
        }
        return null;
    }
}

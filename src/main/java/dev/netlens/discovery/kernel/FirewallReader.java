package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.FirewallCapture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Captures the engine namespace's firewall as text: iptables-save, ip6tables-save and nft's JSON. */
final class FirewallReader {
    private final CommandRunner runner;

    FirewallReader(CommandRunner runner) {
        this.runner = runner;
    }

    FirewallCapture read(EngineProcess engine) {
        List<String> missing = new ArrayList<>();
        String v4 = capture(engine, List.of("iptables-save"), missing);
        String v6 = capture(engine, List.of("ip6tables-save"), missing);
        String nft = runner.isAvailable("nft") ? capture(engine, List.of("nft", "-j", "list", "ruleset"), missing) : null;
        return new FirewallCapture(v4, v6, nft, missing);
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

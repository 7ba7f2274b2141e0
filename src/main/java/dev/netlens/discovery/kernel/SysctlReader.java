package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@link Host#SYSCTLS} in an engine's network namespace. /proc/sys/net shows the namespace of
 * the process that reads it: files are read directly when Netlens shares the engine's namespace,
 * otherwise by one {@code grep -H} entered there, which labels each value with its file. A setting
 * whose file does not exist (the bridge ones without br_netfilter) is simply absent.
 */
final class SysctlReader {
    private static final String PROC_SYS = "/proc/sys/";
    private final CommandRunner runner;
    private final Path procSys;

    /** @param procSys this process's /proc/sys (read when the engine shares our namespace) */
    SysctlReader(CommandRunner runner, Path procSys) {
        this.runner = runner;
        this.procSys = procSys;
    }

    /** @param problems gets a line when the settings could not be read at all */
    Map<String, String> read(EngineProcess engine, List<String> problems) {
        Map<String, String> values = new TreeMap<>();
        if (engine.sharesOurNamespace()) {
            for (String key : Host.SYSCTLS) {
                try {
                    values.put(key, Files.readString(procSys.resolve(key.replace('.', '/'))).strip());
                } catch (NoSuchFileException e) {
                    // not set on this kernel (a module not loaded): nothing to record
                } catch (IOException e) {
                    problems.add("kernel setting " + key + " not read: " + e.getMessage());
                }
            }
            return values;
        }
        List<String> grep = new ArrayList<>(List.of("grep", "-H", "-s", "."));
        Host.SYSCTLS.forEach(key -> grep.add(PROC_SYS + key.replace('.', '/')));
        try {
            // grep exits 2 when a file is missing; the ones it found are printed all the same.
            CommandResult result = runner.run(KernelReader.nsenter(engine.hostNamespace().toString(), grep));
            values.putAll(parse(result.stdout()));
        } catch (CommandNotFoundException e) {
            problems.add(e.program() + " is not installed: kernel settings (forwarding, br_netfilter) not read");
        } catch (IOException e) {
            problems.add("kernel settings (forwarding, br_netfilter) not read: " + e.getMessage());
        }
        return values;
    }

    /** {@code /proc/sys/net/ipv4/ip_forward:1} lines to settings; lines for other files are ignored. */
    static Map<String, String> parse(String grepOutput) {
        Map<String, String> values = new TreeMap<>();
        if (grepOutput == null) {
            return values;
        }
        for (String line : grepOutput.lines().toList()) {
            for (String key : Host.SYSCTLS) {
                String prefix = PROC_SYS + key.replace('.', '/') + ":";
                if (line.startsWith(prefix)) {
                    values.put(key, line.substring(prefix.length()).strip());
                }
            }
        }
        return values;
    }
}

package dev.netlens.discovery.helper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the helper saw first, inside the engine's machine: its tool kit, whether it runs in a user
 * namespace of its own, the kernel's boot id, and the dockerd processes in its network namespace
 * (with {@code --network=host}, the engine's) with their command lines and the host tools found.
 */
record HelperProbe(String kit, boolean confined, String bootId, List<Daemon> daemons) {
    /**
     * A fixed script, run by the image's own {@code /bin/sh}: nothing in it comes from the engine.
     * Each dockerd's pid and arguments, then which of the host's tools exist (looked up through
     * {@code /proc/PID/root}, the engine's file system).
     */
    static final String DEFAULT_CONFIG = "/etc/docker/daemon.json";
    static final String SCRIPT = String.join("\n",
            "if [ -x /bin/busybox ]; then echo 'kit busybox'; elif [ -x /usr/bin/nsenter ]; then echo 'kit nsenter'; fi",
            "echo \"uidmap $(cat /proc/self/uid_map)\"",
            "echo \"boot $(cat /proc/sys/kernel/random/boot_id)\"",
            "me=$(readlink /proc/self/ns/net)",
            "for p in /proc/[0-9]*; do",
            "  [ \"$(readlink $p/ns/net 2>/dev/null)\" = \"$me\" ] || continue",
            "  first=$(tr '\\0' '\\n' < $p/cmdline 2>/dev/null | head -n 1)",
            "  [ \"${first##*/}\" = dockerd ] || continue",
            "  echo \"dockerd ${p#/proc/}\"",
            "  tr '\\0' '\\n' < $p/cmdline | sed 's/^/arg /'",
            "  for t in " + String.join(" ", HostTools.candidates()) + "; do",
            // -L too: a link to an absolute path (/etc/alternatives/...) resolves in the helper's root here.
            "    if [ -e $p/root$t ] || [ -L $p/root$t ]; then echo \"tool $t\"; fi",
            "  done",
            // The daemon's default config file, which the engine's folders may be set in: read here,
            // it costs no exec of its own (a --config-file elsewhere is read when named).
            "  if [ -f $p/root" + DEFAULT_CONFIG + " ]; then",
            "    echo config-begin; cat $p/root" + DEFAULT_CONFIG + "; echo; echo config-end",
            "  else echo config-none; fi",
            "done",
            "");

    /**
     * A dockerd seen by the helper: its pid, its arguments after the program, the host tools found,
     * and its default config file's text ("" when there is none; null when not looked at).
     */
    record Daemon(long pid, List<String> args, List<String> tools, String defaultConfig) {
        Daemon(long pid, List<String> args, List<String> tools) {
            this(pid, args, tools, null);
        }
    }

    static HelperProbe parse(String output) {
        String kit = null;
        boolean confined = false;
        String bootId = null;
        Map<Long, Daemon> daemons = new LinkedHashMap<>();
        Daemon current = null;
        Map<Long, String> configs = new LinkedHashMap<>();
        StringBuilder config = null;
        for (String line : output.lines().toList()) {
            if (config != null) {
                if (line.equals("config-end")) {
                    configs.put(current.pid(), config.toString());
                    config = null;
                } else {
                    config.append(line).append('\n');
                }
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            switch (key) {
                case "kit" -> kit = value.strip();
                case "uidmap" -> confined = !value.strip().split("\\s+")[0].equals("0") || !value.contains("4294967295");
                case "boot" -> bootId = value.strip().isEmpty() ? null : value.strip();
                case "dockerd" -> {
                    current = new Daemon(Long.parseLong(value.strip()), new ArrayList<>(), new ArrayList<>());
                    daemons.put(current.pid(), current);
                }
                case "arg" -> {
                    if (current != null) {
                        current.args().add(value);
                    }
                }
                case "config-begin" -> config = current == null ? null : new StringBuilder();
                case "config-none" -> {
                    if (current != null) {
                        configs.put(current.pid(), "");
                    }
                }
                case "tool" -> {
                    if (current != null) {
                        current.tools().add(value.strip());
                    }
                }
                default -> {
                    // a line of no interest
                }
            }
        }
        List<Daemon> found = new ArrayList<>();
        for (Daemon d : daemons.values()) {
            // the first argument is the program itself
            List<String> args = d.args().isEmpty() ? d.args() : d.args().subList(1, d.args().size());
            found.add(new Daemon(d.pid(), List.copyOf(args), List.copyOf(d.tools()), configs.get(d.pid())));
        }
        return new HelperProbe(kit, confined, bootId, found);
    }
}

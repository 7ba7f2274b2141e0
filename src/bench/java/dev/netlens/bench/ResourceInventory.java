package dev.netlens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this JVM holds, by name: its threads, its file descriptors (what each points to) and its child
 * processes. The soak compares the start with the end by these names, not by counts alone, so that a
 * difference says what it is. Only what lasts counts: each side is read twice, some seconds apart, and an
 * item must be in both readings (a command's pipe, a thread of a pass under way, come and go).
 *
 * <p>Threads of cached pools (the JDK's "process reaper", Netlens's own command and firewall pools) number
 * as many as ran at once in the last minute: an idle one waits for work with a time limit (60 s) and then
 * ends by itself. Such a thread, seen waiting so in either reading, is listed apart and not compared; a
 * worker of a fixed pool waits without a limit, never ends, and is compared like any other thread.
 *
 * @param threads thread names, numbers replaced by {@code #} (pools renumber), one entry per thread
 * @param idlePoolThreads threads seen idle in a pool that ends them after a keep-alive time
 * @param fds what each descriptor points to, one entry per descriptor (inode numbers dropped)
 * @param children child processes still running in both readings: pid and command line
 */
record ResourceInventory(List<String> threads, List<String> idlePoolThreads, List<String> fds, List<String> children) {

    static final String IDLE_POOL_REASON = "threads of cached pools (the JDK's process reaper, which waits for each "
            + "child process; Netlens's process-drain, firewall and kernel pools) seen waiting for work with a "
            + "time limit: each ends by itself 60 s after its last task, and how many there are follows how many "
            + "commands ran at once in the last minute (the live window starts short commands every few seconds, "
            + "more when other programs change the engines); a pool thread that never ends, or is busy in both "
            + "readings, is compared like any other";

    /** Reads twice, {@code apartMs} apart, and keeps what is in both readings. */
    static ResourceInventory lasting(long apartMs) throws Exception {
        Reading a = Reading.now();
        Thread.sleep(apartMs);
        Reading b = Reading.now();
        Map<Long, String> threads = new TreeMap<>(a.threads);
        threads.keySet().retainAll(b.threads.keySet());
        Map<Integer, String> fds = new TreeMap<>();
        a.fds.forEach((fd, target) -> {
            if (target.equals(b.fds.get(fd))) {
                fds.put(fd, target);
            }
        });
        Map<Long, String> children = new TreeMap<>(a.children);
        children.keySet().retainAll(b.children.keySet());
        List<String> compared = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        threads.forEach((id, name) -> (a.idle.contains(id) || b.idle.contains(id) ? idle : compared).add(name));
        return new ResourceInventory(sorted(compared), sorted(idle), sorted(names(fds.values())),
                children.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /**
     * Whether a thread waits for work in a pool that ends it after a keep-alive time:
     * ThreadPoolExecutor.getTask polling its queue with a time limit (without one it calls take()).
     */
    static boolean idleWithKeepAlive(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (stack[i].getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && stack[i].getMethodName().equals("getTask")) {
                return stack[i - 1].getMethodName().equals("poll");
            }
        }
        return false;
    }

    /** Entries of {@code end} that {@code start} has not (a multiset difference: "pipe" twice against once is one). */
    static List<String> added(List<String> start, List<String> end) {
        Map<String, Integer> left = new HashMap<>();
        start.forEach(s -> left.merge(s, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String s : end) {
            if (left.merge(s, -1, Integer::sum) < 0) {
                out.add(s);
            }
        }
        return sorted(out);
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    private static List<String> names(java.util.Collection<String> targets) {
        return targets.stream().map(t -> t.replaceAll("\\[\\d+]", "").replaceAll("/proc/\\d+/", "/proc/PID/").strip()).toList();
    }

    /** One instant's threads (by id; those idle in a keep-alive pool), descriptors (by number) and children (by pid). */
    private record Reading(Map<Long, String> threads, Set<Long> idle, Map<Integer, String> fds, Map<Long, String> children) {
        static Reading now() throws IOException {
            Map<Long, String> threads = new HashMap<>();
            Set<Long> idle = new java.util.HashSet<>();
            for (var t : Thread.getAllStackTraces().entrySet()) {
                threads.put(t.getKey().getId(), t.getKey().getName().replaceAll("\\d+", "#"));
                if (idleWithKeepAlive(t.getValue())) {
                    idle.add(t.getKey().getId());
                }
            }
            Map<Long, String> children = new HashMap<>();
            ProcessHandle.current().children().forEach(p -> children.put(p.pid(),
                    p.info().commandLine().orElse(p.info().command().orElse("?"))));
            return new Reading(threads, idle, descriptors(), children);
        }
    }

    /** This process's descriptors and what each points to; sockets and pipes named by what is at the other end. */
    static Map<Integer, String> descriptors() throws IOException {
        Map<Integer, String> raw = new TreeMap<>();
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    raw.put(Integer.parseInt(p.getFileName().toString()), Files.readSymbolicLink(p).toString());
                } catch (IOException e) {
                    // closed meanwhile (the listing's own descriptor, among others)
                }
            }
        }
        Sockets sockets = null;
        Map<String, String> pipeEnds = null;
        Map<Integer, String> named = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        for (var e : raw.entrySet()) {
            String t = e.getValue();
            if (t.startsWith("socket:[")) {
                sockets = sockets == null ? Sockets.read() : sockets;
                named.put(e.getKey(), "socket " + sockets.name(inode(t)) + " [" + inode(t) + "]");
            } else if (t.startsWith("pipe:[")) {
                pipeEnds = pipeEnds == null ? pipeHolders(self) : pipeEnds;
                named.put(e.getKey(), "pipe, other end held by " + pipeEnds.getOrDefault(t, "no other process")
                        + " [" + inode(t) + "]");
            } else {
                named.put(e.getKey(), t);
            }
        }
        return named;
    }

    private static String inode(String target) {
        return target.substring(target.indexOf('[') + 1, target.indexOf(']'));
    }

    /** pipe:[inode] -> the other processes holding it (their command names). */
    private static Map<String, String> pipeHolders(long self) {
        Map<String, Set<String>> holders = new HashMap<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String pid = proc.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit) || pid.equals(Long.toString(self))) {
                    continue;
                }
                try (var fds = Files.list(proc.resolve("fd"))) {
                    String comm = null;
                    for (Path fd : fds.toList()) {
                        String t;
                        try {
                            t = Files.readSymbolicLink(fd).toString();
                        } catch (IOException e) {
                            continue;
                        }
                        if (t.startsWith("pipe:[")) {
                            comm = comm != null ? comm : Files.readString(proc.resolve("comm")).strip();
                            holders.computeIfAbsent(t, k -> new java.util.TreeSet<>()).add(comm);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone, or not ours to read
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        holders.forEach((k, v) -> out.put(k, String.join(", ", v)));
        return out;
    }

    /** Unix sockets (/proc/net/unix paths, peers from ss) and TCP sockets (/proc/net/tcp), by inode. */
    private record Sockets(Map<String, String> unixPath, Map<String, String> unixPeer, Map<String, String> tcp) {
        static Sockets read() {
            Map<String, String> path = new HashMap<>();
            try {
                for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length >= 8 && !f[0].startsWith("Num")) {
                        path.put(f[6], f[7]);
                    }
                }
            } catch (IOException e) {
                // not named then
            }
            Map<String, String> peer = new HashMap<>();
            // ss -xn: "u_str ESTAB 0 0 LOCAL INODE PEER PEER_INODE"; an accepted socket shows its listener's path.
            Pattern row = Pattern.compile("^u_\\w+\\s+\\S+\\s+\\d+\\s+\\d+\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)");
            for (String line : command("ss", "-xnaH")) {
                Matcher m = row.matcher(line);
                if (m.find()) {
                    peer.put(m.group(2), m.group(4));
                    if (!m.group(1).equals("*")) {
                        path.putIfAbsent(m.group(2), m.group(1));
                    }
                }
            }
            Map<String, String> tcp = new HashMap<>();
            for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6", "/proc/net/udp", "/proc/net/udp6")) {
                try {
                    for (String line : Files.readAllLines(Path.of(file))) {
                        String[] f = line.strip().split("\\s+");
                        if (f.length >= 10 && !f[0].equals("sl")) {
                            tcp.put(f[9], file.substring(10, 13) + " " + address(f[1]) + " -> " + address(f[2]));
                        }
                    }
                } catch (IOException e) {
                    // no such table
                }
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/net/netlink"))) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length >= 10 && !f[0].equals("sk")) {
                        tcp.put(f[9], "netlink (protocol " + f[1] + ")");
                    }
                }
            } catch (IOException e) {
                // not named then
            }
            return new Sockets(path, peer, tcp);
        }

        String name(String inode) {
            if (unixPath.containsKey(inode)) {
                return "unix " + unixPath.get(inode);
            }
            String p = unixPeer.get(inode);
            if (p != null && !p.equals("0")) {
                return "unix to " + unixPath.getOrDefault(p, "an unnamed socket");
            }
            if (tcp.containsKey(inode)) {
                return tcp.get(inode);
            }
            return p != null ? "unix, unnamed and unconnected" : "of another kind";
        }

        private static String address(String hex) {
            String[] hp = hex.split(":");
            int port = Integer.parseInt(hp[1], 16);
            if (hp[0].length() == 8) {
                long a = Long.parseLong(hp[0], 16);
                return (a & 0xff) + "." + (a >> 8 & 0xff) + "." + (a >> 16 & 0xff) + "." + (a >> 24 & 0xff) + ":" + port;
            }
            return "[" + hp[0] + "]:" + port;
        }
    }

    private static List<String> command(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.lines().toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}

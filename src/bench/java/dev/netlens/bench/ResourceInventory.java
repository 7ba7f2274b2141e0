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
 * @param threads thread names, numbers replaced by {@code #} (pools renumber), one entry per thread
 * @param jdkThreads threads of the JDK's own pools left out of the comparison (see {@link #JDK_POOLS})
 * @param fds what each descriptor points to, one entry per descriptor (inode numbers dropped)
 * @param children child processes still running in both readings: pid and command line
 */
record ResourceInventory(List<String> threads, List<String> jdkThreads, List<String> fds, List<String> children) {

    /**
     * Thread names of JDK pools that size themselves by load, left out of the thread comparison, each with
     * why. Application threads are never here.
     */
    static final Map<String, String> JDK_POOLS = Map.of("process reaper",
            "the JDK's process reaper (java.lang.ProcessHandleImpl): a cached pool, one thread per child process "
                    + "being waited for, an idle one ends after 60 s; the live window starts short commands every "
                    + "few seconds (the fingerprint's `ip`, discovery's `nsenter` per namespace, several at once), so "
                    + "its size follows how many ran at once in the last minute. Child processes that last are "
                    + "compared instead (row below)");

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
        List<String> app = new ArrayList<>();
        List<String> jdk = new ArrayList<>();
        for (String name : threads.values()) {
            (JDK_POOLS.containsKey(name) ? jdk : app).add(name);
        }
        return new ResourceInventory(sorted(app), sorted(jdk), sorted(names(fds.values())),
                children.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
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
        return targets.stream().map(t -> t.replaceAll("\\[\\d+]", "").replaceAll("/proc/\\d+/", "/proc/PID/")).toList();
    }

    /** One instant's threads (by id), descriptors (by number) and children (by pid). */
    private record Reading(Map<Long, String> threads, Map<Integer, String> fds, Map<Long, String> children) {
        static Reading now() throws IOException {
            Map<Long, String> threads = new HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                threads.put(t.getId(), t.getName().replaceAll("\\d+", "#"));
            }
            Map<Long, String> children = new HashMap<>();
            ProcessHandle.current().children().forEach(p -> children.put(p.pid(),
                    p.info().commandLine().orElse(p.info().command().orElse("?"))));
            return new Reading(threads, descriptors(), children);
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

package dev.netlens.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Diagnostic (issue 15): reads a heap dump (HPROF, as {@code jcmd PID GC.heap_dump FILE} writes it) and
 * prints, for every primitive array of at least MIN bytes of the given type, the shortest chain of
 * strong references from a GC root that keeps it (weak, soft and phantom referents are followed only
 * for what no strong chain reaches, and such chains are marked),
 * grouped by the classes and fields of the chain, with the bytes each chain keeps.
 *
 * <pre>
 * java -cp target/bench-classes dev.netlens.bench.HeapPaths DUMP.hprof [minBytes=262144] [type=int]
 * </pre>
 */
public final class HeapPaths {
    private static final int OBJECT = 2;
    private final List<MappedByteBuffer> chunks = new ArrayList<>();
    private static final long CHUNK = 1L << 30;
    private int idSize;
    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, String> classNames = new HashMap<>();
    /** Per class: super class id and its own instance fields (name, type). */
    private final Map<Long, Long> superOf = new HashMap<>();
    private final Map<Long, long[]> fieldNames = new HashMap<>();
    private final Map<Long, byte[]> fieldTypes = new HashMap<>();
    /** Static reference fields: class id -> (name, target). */
    private final Map<Long, List<long[]>> staticRefs = new HashMap<>();
    /** Object id -> file offset of its heap-dump sub-record. */
    private final Map<Long, Long> objects = new HashMap<>(4_000_000);
    private final List<long[]> roots = new ArrayList<>();
    private final Map<Integer, String> rootKinds = Map.of(0xFF, "unknown", 0x01, "JNI global", 0x02, "JNI local",
            0x03, "Java frame", 0x04, "native stack", 0x05, "sticky class", 0x06, "thread block", 0x07, "monitor",
            0x08, "thread");

    private HeapPaths(String file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file, "r"); FileChannel ch = f.getChannel()) {
            for (long at = 0; at < ch.size(); at += CHUNK) {
                chunks.add(ch.map(FileChannel.MapMode.READ_ONLY, at, Math.min(CHUNK + 65536, ch.size() - at)));
            }
        }
    }

    private int u1(long at) {
        return chunks.get((int) (at / CHUNK)).get((int) (at % CHUNK)) & 0xFF;
    }

    private int u2(long at) {
        return u1(at) << 8 | u1(at + 1);
    }

    private int u4(long at) {
        ByteBuffer b = chunks.get((int) (at / CHUNK));
        int i = (int) (at % CHUNK);
        return b.getInt(i);
    }

    private long id(long at) {
        ByteBuffer b = chunks.get((int) (at / CHUNK));
        int i = (int) (at % CHUNK);
        return idSize == 8 ? b.getLong(i) : b.getInt(i) & 0xFFFFFFFFL;
    }

    private int size(int type) {
        return switch (type) {
            case OBJECT -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("type " + type);
        };
    }

    private void read(long end) {
        long at = 0;
        while (u1(at) != 0) {
            at++;
        }
        at++;
        idSize = u4(at);
        at += 12;
        while (at < end) {
            int tag = u1(at);
            long len = u4(at + 5) & 0xFFFFFFFFL;
            long body = at + 9;
            if (tag == 0x01) {
                byte[] chars = new byte[(int) len - idSize];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (byte) u1(body + idSize + i);
                }
                strings.put(id(body), new String(chars, java.nio.charset.StandardCharsets.UTF_8));
            } else if (tag == 0x02) {
                classNames.put(id(body + 4), strings.get(id(body + 8 + idSize)));
            } else if (tag == 0x0C || tag == 0x1C) {
                heapSegment(body, body + len);
            }
            at = body + len;
        }
    }

    private void heapSegment(long at, long end) {
        while (at < end) {
            int sub = u1(at);
            long p = at + 1;
            switch (sub) {
                case 0xFF, 0x05, 0x07 -> {
                    roots.add(new long[] {id(p), sub});
                    at = p + idSize;
                }
                case 0x01 -> {
                    roots.add(new long[] {id(p), sub});
                    at = p + 2L * idSize;
                }
                case 0x02, 0x03, 0x08 -> {
                    roots.add(new long[] {id(p), sub});
                    at = p + idSize + 8;
                }
                case 0x04, 0x06 -> {
                    roots.add(new long[] {id(p), sub});
                    at = p + idSize + 4;
                }
                case 0x20 -> at = classDump(p);
                case 0x21 -> {
                    objects.put(id(p), at);
                    at = p + idSize + 4 + idSize + 4 + (u4(p + idSize + 4 + idSize) & 0xFFFFFFFFL);
                }
                case 0x22 -> {
                    objects.put(id(p), at);
                    at = p + idSize + 8 + idSize + (long) u4(p + idSize + 4) * idSize;
                }
                case 0x23 -> {
                    objects.put(id(p), at);
                    at = p + idSize + 9 + (long) u4(p + idSize + 4) * size(u1(p + idSize + 8));
                }
                default -> throw new IllegalStateException("sub-record " + Integer.toHexString(sub) + " at " + at);
            }
        }
    }

    private long classDump(long p) {
        long cls = id(p);
        superOf.put(cls, id(p + idSize + 4));
        long at = p + idSize + 4 + 6L * idSize + 4;
        int cp = u2(at);
        at += 2;
        for (int i = 0; i < cp; i++) {
            at += 2 + 1 + size(u1(at + 2));
        }
        int statics = u2(at);
        at += 2;
        List<long[]> refs = new ArrayList<>();
        for (int i = 0; i < statics; i++) {
            long name = id(at);
            int type = u1(at + idSize);
            if (type == OBJECT) {
                refs.add(new long[] {name, id(at + idSize + 1)});
            }
            at += idSize + 1 + size(type);
        }
        staticRefs.put(cls, refs);
        int n = u2(at);
        at += 2;
        long[] names = new long[n];
        byte[] types = new byte[n];
        for (int i = 0; i < n; i++) {
            names[i] = id(at);
            types[i] = (byte) u1(at + idSize);
            at += idSize + 1;
        }
        fieldNames.put(cls, names);
        fieldTypes.put(cls, types);
        objects.put(cls, p - 1);
        return at;
    }

    /** The class of an object (its own id for a class), and its strong references as (field label, target). */
    private boolean followReferents;

    private void refs(long obj, List<Object[]> out) {
        out.clear();
        Long off = objects.get(obj);
        if (off == null) {
            return;
        }
        int sub = u1(off);
        long p = off + 1;
        if (sub == 0x20) {
            for (long[] r : staticRefs.getOrDefault(obj, List.of())) {
                out.add(new Object[] {"static " + strings.get(r[0]), r[1]});
            }
        } else if (sub == 0x21) {
            long cls = id(p + idSize + 4);
            long at = p + idSize + 4 + idSize + 4;
            for (long c = cls; c != 0 && fieldNames.containsKey(c); c = superOf.get(c)) {
                long[] names = fieldNames.get(c);
                byte[] types = fieldTypes.get(c);
                for (int i = 0; i < names.length; i++) {
                    if (types[i] == OBJECT) {
                        String name = strings.get(names[i]);
                        if (followReferents ? !name.equals("discovered") : !name.equals("referent") && !name.equals("discovered")) {
                            out.add(new Object[] {name, id(at)});
                        }
                    }
                    at += size(types[i]);
                }
            }
        } else if (sub == 0x22) {
            int n = u4(p + idSize + 4);
            long at = p + idSize + 8 + idSize;
            for (int i = 0; i < n; i++) {
                out.add(new Object[] {"[]", id(at + (long) i * idSize)});
            }
        }
    }

    private void referrers(String cls) {
        followReferents = true;
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        for (long o : objects.keySet()) {
            if (cls.equals(className(o))) {
                wanted.add(o);
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (int level = 0; level < 2; level++) {
            Map<String, Integer> counts = new TreeMap<>();
            java.util.Set<Long> next = new java.util.HashSet<>();
            for (long o : objects.keySet()) {
                refs(o, out);
                for (Object[] e : out) {
                    if (wanted.contains((Long) e[1])) {
                        counts.merge(className(o) + "." + e[0] + " -> " + className((Long) e[1]), 1, Integer::sum);
                        next.add(o);
                    }
                }
            }
            System.out.println("referrers of " + wanted.size() + " (level " + level + "): " + counts);
            wanted = next;
        }
        followReferents = false;
    }

    private String className(long obj) {
        Long off = objects.get(obj);
        if (off == null) {
            return "?";
        }
        int sub = u1(off);
        long p = off + 1;
        return switch (sub) {
            case 0x20 -> "class " + classNames.get(obj);
            case 0x21 -> classNames.get(id(p + idSize + 4));
            case 0x22 -> classNames.get(id(p + idSize + 8));
            default -> "primitive[" + u4(p + idSize + 4) + "]";
        };
    }

    public static void main(String[] args) throws IOException {
        long min = args.length > 1 ? Long.parseLong(args[1]) : 262_144;
        int wanted = args.length > 2 && args[2].equals("byte") ? 8 : 10;
        HeapPaths h = new HeapPaths(args[0]);
        try (RandomAccessFile f = new RandomAccessFile(args[0], "r")) {
            h.read(f.length());
        }
        // Breadth first from the roots: the first parent found is on a shortest strong chain.
        Map<Long, Long> parent = new HashMap<>(4_000_000);
        Map<Long, String> via = new HashMap<>(4_000_000);
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (long[] r : h.roots) {
            if (!parent.containsKey(r[0])) {
                parent.put(r[0], 0L);
                via.put(r[0], "root " + h.rootKinds.get((int) r[1]));
                queue.add(r[0]);
            }
        }
        List<Object[]> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            long o = queue.poll();
            h.refs(o, out);
            for (Object[] e : out) {
                long t = (Long) e[1];
                if (t != 0 && !parent.containsKey(t)) {
                    parent.put(t, o);
                    via.put(t, (String) e[0]);
                    queue.add(t);
                }
            }
        }
        // Then what only weak, soft or phantom references keep: their referents followed too.
        h.followReferents = true;
        queue.addAll(parent.keySet());
        Map<Long, Long> weakParent = new HashMap<>(parent);
        while (!queue.isEmpty()) {
            long o = queue.poll();
            h.refs(o, out);
            for (Object[] e : out) {
                long t = (Long) e[1];
                if (t != 0 && !weakParent.containsKey(t)) {
                    weakParent.put(t, o);
                    via.put(t, (String) e[0]);
                    queue.add(t);
                }
            }
        }
        Map<String, long[]> chains = new TreeMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> e : h.objects.entrySet()) {
            long off = e.getValue();
            if (h.u1(off) != 0x23 || h.u1(off + 1 + h.idSize + 8) != wanted) {
                continue;
            }
            long bytes = (long) h.u4(off + 1 + h.idSize + 4) * h.size(wanted);
            if (bytes < min) {
                continue;
            }
            total += bytes;
            StringBuilder chain = new StringBuilder();
            long o = e.getKey();
            Map<Long, Long> p = parent.containsKey(o) ? parent : weakParent;
            if (!p.containsKey(o)) {
                chain.append("(unreachable)");
            } else if (p == weakParent) {
                chain.append(" [weakly or softly reachable only]");
            }
            int depth = 0;
            while (p.containsKey(o) && p.get(o) != 0 && depth++ < 40) {
                long up = p.get(o);
                chain.insert(0, " -> " + h.className(up) + "." + via.get(o));
                o = up;
            }
            if (p.containsKey(o)) {
                chain.insert(0, via.get(o) + ": " + h.className(o));
            }
            long[] c = chains.computeIfAbsent(chain.toString(), k -> new long[2]);
            c[0]++;
            c[1] += bytes;
        }
        if (args.length > 3) {
            // Who refers to the objects of class args[3] (every reference, referents included), two levels up.
            h.referrers(args[3]);
        }
        System.out.printf("%d roots, %d objects; arrays of at least %d bytes: %.1f MB%n", h.roots.size(), h.objects.size(),
                min, total / 1048576.0);
        chains.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(c -> System.out.printf("%8.1f MB in %4d: %s%n", c.getValue()[1] / 1048576.0, c.getValue()[0], c.getKey()));
    }
}

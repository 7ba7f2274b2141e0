package dev.netlens.discovery;

import dev.netlens.discovery.engine.EngineContainer;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelReader;
import dev.netlens.discovery.kernel.NamespaceDump;
import dev.netlens.snapshot.NamespaceKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * For an incremental pass: which namespace files keep their earlier dump instead of being entered
 * again. A file is entered again when it is new, gone, or another namespace at the same path; kept
 * when its owner container is unchanged, or (while no overlay was touched) when it is an overlay,
 * load-balancer or ingress namespace; a stale file keeps its verdict. Notes what it kept, so the pass
 * can read a kept dump again once the engine's answer shows its owner changed after all.
 * Called from the kernel reader's threads.
 */
final class NamespaceReuse implements Function<Path, KernelReader.Earlier> {
    private final IdentityRecorder recorder;
    private final Map<String, Object> earlierIdentities;
    private final Map<String, NamespaceDump> earlierDumps = new HashMap<>();
    private final Set<String> earlierProblems = new HashSet<>();
    private final Map<String, EngineContainer> ownerByFile;
    private final boolean overlayTouched;
    private final Map<String, EngineContainer> reusedForOwner = new ConcurrentHashMap<>();
    private final Set<String> reusedShared = ConcurrentHashMap.newKeySet();

    /**
     * @param earlierIdentities each file's identity at the earlier pass
     * @param earlierKernel the earlier pass's kernel facts, or null
     * @param ownerByFile namespace file name to the container that owned it and had no event since
     * @param overlayTouched whether a changed network is (or may be) an overlay, or a changed container was on one
     */
    NamespaceReuse(IdentityRecorder recorder, Map<String, Object> earlierIdentities, KernelFacts earlierKernel,
            Map<String, EngineContainer> ownerByFile, boolean overlayTouched) {
        this.recorder = recorder;
        this.earlierIdentities = earlierIdentities;
        this.ownerByFile = ownerByFile;
        this.overlayTouched = overlayTouched;
        if (earlierKernel != null) {
            earlierKernel.sandboxes().forEach(d -> earlierDumps.put(d.path(), d));
            earlierProblems.addAll(earlierKernel.problems());
        }
    }

    @Override
    public KernelReader.Earlier apply(Path file) {
        Object now = recorder.noted(file);
        if (now == null || !now.equals(earlierIdentities.get(file.toString()))) {
            return null; // new, gone, or another namespace at the same path: enter it
        }
        String stale = KernelReader.staleProblem(file.toString());
        if (earlierProblems.contains(stale)) {
            return KernelReader.Earlier.skipped(stale); // still the same dead file
        }
        NamespaceDump dump = earlierDumps.get(file.toString());
        if (dump == null) {
            return null;
        }
        EngineContainer owner = ownerByFile.get(file.getFileName().toString());
        if (owner != null) {
            reusedForOwner.put(file.toString(), owner);
            return KernelReader.Earlier.of(dump);
        }
        if (!overlayTouched && isShared(SnapshotAssembler.kindOf(file.getFileName().toString(), false))) {
            reusedShared.add(file.toString());
            return KernelReader.Earlier.of(dump);
        }
        return null;
    }

    private static boolean isShared(NamespaceKind kind) {
        return kind == NamespaceKind.OVERLAY || kind == NamespaceKind.LOADBALANCER || kind == NamespaceKind.INGRESS;
    }

    /** Files whose dump was kept for their owner container, with that owner as it was. */
    Map<String, EngineContainer> reusedForOwner() {
        return reusedForOwner;
    }

    /** Overlay, load-balancer and ingress files whose dump was kept. */
    Set<String> reusedShared() {
        return reusedShared;
    }
}

package dev.netlens.discovery;

import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineContainer;
import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.engine.EngineReader;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.helper.HelperRefusedException;
import dev.netlens.discovery.helper.KernelHelper;
import dev.netlens.discovery.helper.KernelOptions;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelUnreadableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * One engine's scan with its kernel read by a helper container: the engine's API is read while the
 * helper starts and reads, as for a local engine; the helper is removed when the scan ends, whatever
 * happened. A helper that is refused leaves the API-only view with the reason.
 */
final class HelperScan {
    private final KernelOptions options;
    private final ExecutorService pool;
    private final ExecutorService starter;

    private final java.util.function.BiConsumer<KernelHelper, String> removals;

    /**
     * @param removals removes a helper (of the engine at the endpoint given) beside the pass, over a
     *     connection of its own; the caller waits for them before it closes
     */
    HelperScan(KernelOptions options, ExecutorService pool, ExecutorService starter,
            java.util.function.BiConsumer<KernelHelper, String> removals) {
        this.options = options;
        this.pool = pool;
        this.starter = starter;
        this.removals = removals;
    }

    HostScan scan(EngineApi api) throws EngineApiException, EngineUnreachableException {
        CompletableFuture<Object> opened = CompletableFuture.supplyAsync(() -> open(api), starter);
        CompletableFuture<KernelFacts> kernel = opened.thenApplyAsync(o -> o instanceof KernelHelper helper
                ? read(helper) : unavailable((String) o), starter);
        try {
            EngineFacts engine = new EngineReader(api, pool).read();
            List<String> missing = new ArrayList<>();
            KernelFacts facts = kernel.join();
            if (facts.host() == null) {
                missing.add(facts.problems().get(0));
                Object started = opened.join();
                return new HostScan(api.endpoint(), started instanceof KernelHelper h
                        ? withoutHelper(engine, h.containerId()) : engine, null, missing);
            }
            KernelHelper helper = (KernelHelper) opened.join();
            engine = withoutHelper(engine, helper.containerId());
            try {
                facts = helper.reader(pool).readAlso(facts, helper.engine(), sandboxKeys(engine));
                options.notices().accept("engine " + api.endpoint() + ": kernel read by " + helper.description()
                        + ", removed afterwards");
            } catch (KernelUnreadableException e) {
                missing.add(e.getMessage());
                facts = null;
            }
            return new HostScan(api.endpoint(), engine, facts, missing);
        } finally {
            // Removed also when the engine's read failed: wait for the start to end, then remove, beside
            // the pass (a kill and a removal: a few hundred ms the picture need not wait for).
            Object helper = opened.handle((o, e) -> o).join();
            if (helper instanceof KernelHelper h) {
                removals.accept(h, api.endpoint());
            }
        }
    }

    /** The engine's facts without the helper itself, which the listing may have caught running. */
    private static EngineFacts withoutHelper(EngineFacts engine, String helperId) {
        List<EngineContainer> others = engine.containers().stream().filter(c -> !c.id().equals(helperId)).toList();
        return new EngineFacts(engine.info(), engine.networks(), others, engine.problems());
    }

    /** The helper, or the one-line reason it could not run. */
    private Object open(EngineApi api) {
        try {
            return KernelHelper.open(api, options.helperImage());
        } catch (HelperRefusedException e) {
            return "kernel view unavailable: " + e.getMessage();
        } catch (EngineUnreachableException e) {
            return "kernel view unavailable: the helper container could not be run: " + e.getMessage();
        } catch (RuntimeException e) {
            return "kernel view unavailable: the helper container failed: " + e.getMessage();
        }
    }

    private KernelFacts read(KernelHelper helper) {
        try {
            return helper.reader(pool).read(helper.engine(), List.of());
        } catch (KernelUnreadableException e) {
            return unavailable(e.getMessage());
        } catch (RuntimeException e) {
            return unavailable("kernel view unavailable: the helper failed: " + e.getMessage());
        }
    }

    private static KernelFacts unavailable(String reason) {
        return new KernelFacts(null, List.of(), null, List.of(reason), null);
    }

    private static List<String> sandboxKeys(EngineFacts engine) {
        return engine.containers().stream()
                .filter(c -> "running".equals(c.state()) || "paused".equals(c.state()))
                .map(EngineContainer::sandboxKey).toList();
    }
}

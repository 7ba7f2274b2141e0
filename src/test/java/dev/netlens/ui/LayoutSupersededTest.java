package dev.netlens.ui;

import dev.netlens.ui.state.TopologyState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.layout.LayoutEngine;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Layouts run in order on their own executor; a snapshot that comes while older ones wait supersedes them. */
class LayoutSupersededTest {
    /** Holds submitted work until the test runs it: a busy layout thread, made deterministic. */
    static final class HeldExecutor implements BackgroundExecutor {
        final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
            held.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onResult.accept(result);
            });
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void onlyTheNewestOfSeveralWaitingSnapshotsIsLaidOut() {
        List<Integer> laidOut = new ArrayList<>();
        LayoutEngine stack = new StackLayout();
        LayoutEngine counting = (graph, previous, cancelled) -> {
            laidOut.add(graph.nodes().size());
            return stack.layout(graph, previous, cancelled);
        };
        HeldExecutor executor = new HeldExecutor();
        TopologyState state = new TopologyState(executor, counting);
        TopologySnapshot first = SyntheticSnapshots.bridges(1, 1, 1);
        TopologySnapshot second = SyntheticSnapshots.bridges(1, 1, 2);
        TopologySnapshot newest = SyntheticSnapshots.bridges(1, 1, 3);
        state.show(first);
        state.show(second);
        state.show(newest);
        executor.runAll();
        assertEquals(1, laidOut.size(), "the two older snapshots were skipped, not laid out");
        assertSame(newest, state.frame().snapshot());
        assertEquals(null, state.problemProperty().get(), "a superseded layout is no problem to show");
        assertEquals(dev.netlens.graph.TopologyGraph.from(newest).nodes().size(), laidOut.get(0));
    }
}

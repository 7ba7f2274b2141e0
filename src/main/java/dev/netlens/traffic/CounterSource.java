package dev.netlens.traffic;

import dev.netlens.snapshot.TopologySnapshot;

/** Where the sampler gets counters from: the kernel ({@link CounterReader}), or a test's made-up ones. */
@FunctionalInterface
public interface CounterSource extends AutoCloseable {
    /** Reads the counters of every interface of the snapshot's namespaces that can be read now. */
    CounterRead read(TopologySnapshot snapshot);

    /** Sampling stopped for now: let go of what reading holds (processes); a later read takes it again. */
    default void release() {
    }

    /** Sampling ended for good. */
    @Override
    default void close() {
    }
}

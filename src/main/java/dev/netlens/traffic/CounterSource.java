package dev.netlens.traffic;

import dev.netlens.snapshot.TopologySnapshot;

/** Where the sampler gets counters from: the kernel ({@link CounterReader}), or a test's made-up ones. */
@FunctionalInterface
public interface CounterSource {
    /** Reads the counters of every interface of the snapshot's namespaces that can be read now. */
    CounterRead read(TopologySnapshot snapshot);
}

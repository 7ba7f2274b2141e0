package dev.netlens.traffic;

/**
 * One interface's kernel counters at one moment, both directions as the interface itself counts
 * them (rx: what it received, tx: what it sent).
 *
 * @param name the interface's name in its namespace
 * @param ifindex its index in the namespace, or 0 where the source does not say (/proc/PID/net/dev)
 * @param readAtNanos when it was read, on a monotonic clock ({@link System#nanoTime()})
 */
public record CounterSample(String name, int ifindex, long rxBytes, long txBytes, long rxPackets, long txPackets,
        long rxDropped, long txDropped, long rxErrors, long txErrors, long readAtNanos) {

    public long drops() {
        return rxDropped + txDropped;
    }

    public long errors() {
        return rxErrors + txErrors;
    }
}

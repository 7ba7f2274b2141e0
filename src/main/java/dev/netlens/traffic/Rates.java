package dev.netlens.traffic;

import java.util.HashMap;
import java.util.Map;

/** Rates from two samples of the same interface. */
public final class Rates {
    private Rates() {
    }

    /**
     * What went through between {@code before} and {@code after}. A counter that went down, or an
     * ifindex that changed (a veth made again under the same name), is a reset: the rate of that
     * interval is unknown, never negative. So is an interval that is not forward in time.
     */
    public static InterfaceRate between(String interfaceId, CounterSample before, CounterSample after) {
        long nanos = after.readAtNanos() - before.readAtNanos();
        boolean recreated = before.ifindex() != 0 && after.ifindex() != 0 && before.ifindex() != after.ifindex();
        long rxB = after.rxBytes() - before.rxBytes();
        long txB = after.txBytes() - before.txBytes();
        long rxP = after.rxPackets() - before.rxPackets();
        long txP = after.txPackets() - before.txPackets();
        long drops = after.drops() - before.drops();
        long errors = after.errors() - before.errors();
        if (nanos <= 0 || recreated || rxB < 0 || txB < 0 || rxP < 0 || txP < 0 || drops < 0 || errors < 0) {
            return InterfaceRate.unknown(interfaceId);
        }
        double seconds = nanos / 1e9;
        return new InterfaceRate(interfaceId, true, rxB / seconds, txB / seconds, rxP / seconds, txP / seconds,
                drops, errors);
    }

    /**
     * The rate of every interface sampled both times; one seen only now has no rate yet, one gone
     * has none any more.
     */
    public static Map<String, InterfaceRate> between(Map<String, CounterSample> before, Map<String, CounterSample> after) {
        Map<String, InterfaceRate> out = new HashMap<>();
        after.forEach((id, now) -> {
            CounterSample then = before.get(id);
            if (then != null) {
                out.put(id, between(id, then, now));
            }
        });
        return out;
    }
}

package dev.netlens.traffic;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The last {@code capacity} rates of each interface, a ring buffer each, for sparklines. An interval
 * whose rate was unknown (a reset) counts as 0. Interfaces not seen in a while are forgotten. Used
 * by one thread at a time.
 */
public final class RateHistory {
    private final int capacity;
    private final Map<String, Ring> rings = new HashMap<>();
    private long tick;

    public RateHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a sparkline needs at least two points: " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Adds one interval's rates; an interface missing from them gets no point (it was not read). */
    public void add(Map<String, InterfaceRate> rates) {
        tick++;
        rates.forEach((id, r) -> rings.computeIfAbsent(id, k -> new Ring(capacity)).add((float) r.bytesPerSecond(), tick));
        // Forgotten once a whole window went by without a sample: a removed container's interfaces.
        for (Iterator<Ring> it = rings.values().iterator(); it.hasNext(); ) {
            if (tick - it.next().lastTick > capacity) {
                it.remove();
            }
        }
    }

    /** The interface's points, oldest first (empty when none). */
    public Series series(String interfaceId) {
        Ring r = rings.get(interfaceId);
        return r == null ? Series.EMPTY : r.copy();
    }

    /** Copies of the series that moved at all in the window: quiet ones are flat and left out. */
    public Map<String, Series> moving() {
        Map<String, Series> out = new HashMap<>();
        rings.forEach((id, r) -> {
            if (r.nonZero > 0) {
                out.put(id, r.copy());
            }
        });
        return out;
    }

    private static final class Ring {
        private final float[] values;
        private int next;
        private int size;
        /** How many points in the ring are not zero: a quiet interface is found without a copy. */
        private int nonZero;
        private long lastTick;

        Ring(int capacity) {
            values = new float[capacity];
        }

        void add(float v, long at) {
            if (size == values.length && values[next] != 0) {
                nonZero--;
            }
            values[next] = v;
            if (v != 0) {
                nonZero++;
            }
            next = (next + 1) % values.length;
            size = Math.min(size + 1, values.length);
            lastTick = at;
        }

        Series copy() {
            float[] out = new float[size];
            int start = (next - size + values.length) % values.length;
            for (int i = 0; i < size; i++) {
                out[i] = values[(start + i) % values.length];
            }
            return new Series(out);
        }
    }
}

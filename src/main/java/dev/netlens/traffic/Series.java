package dev.netlens.traffic;

import java.util.Arrays;

/** The last rates of one interface (bytes per second, both directions), oldest first; immutable. */
public final class Series {
    public static final Series EMPTY = new Series(new float[0]);
    private final float[] values;

    Series(float[] values) {
        this.values = values;
    }

    public static Series of(double... values) {
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) values[i];
        }
        return new Series(v);
    }

    public int size() {
        return values.length;
    }

    public double get(int i) {
        return values[i];
    }

    public double max() {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}

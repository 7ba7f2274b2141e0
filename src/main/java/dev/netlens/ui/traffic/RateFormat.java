package dev.netlens.ui.traffic;

import java.util.Locale;

/** Bytes per second as people read them: 0 B, 950 B, 12.3 kB, 4.56 MB, 1.20 GB (powers of 1000). */
public final class RateFormat {
    private RateFormat() {
    }

    public static String bytes(double b) {
        double v = Math.max(0, b);
        if (v < 1_000) {
            return String.format(Locale.ROOT, "%.0f B", v);
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1_000 && u < units.length - 1) {
            v /= 1_000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}

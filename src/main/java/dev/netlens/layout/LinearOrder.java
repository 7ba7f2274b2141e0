package dev.netlens.layout;

import java.util.ArrayList;
import java.util.List;

/** One-dimensional helpers for the layout: ordering groups along a line, packing a row. */
final class LinearOrder {
    private static final int EXACT_LIMIT = 8;

    private LinearOrder() {
    }

    /**
     * An order of {@code n} items that keeps heavily joined items close: minimises the sum of
     * {@code w[i][j] * |pos(i) - pos(j)|}; among equal orders, the one closest to the given order.
     * Exact for up to eight items; beyond, the given order improved by moving single items while
     * that helps.
     */
    static int[] arrange(double[][] w) {
        int n = w.length;
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        boolean any = false;
        for (double[] row : w) {
            for (double v : row) {
                any |= v != 0;
            }
        }
        if (!any || n < 3) {
            return identity;
        }
        if (n <= EXACT_LIMIT) {
            int[][] best = {identity.clone()};
            double[] bestCost = {cost(w, identity) + tie(identity)};
            permute(identity.clone(), 0, w, best, bestCost);
            return best[0];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        boolean improved = true;
        for (int round = 0; round < 20 && improved; round++) {
            improved = false;
            for (int i = 0; i < n; i++) {
                int item = order.get(i);
                double base = cost(w, toArray(order));
                int bestPos = i;
                double bestCost = base;
                order.remove(i);
                for (int j = 0; j <= order.size(); j++) {
                    order.add(j, item);
                    double c = cost(w, toArray(order));
                    if (c < bestCost - 1e-9) {
                        bestCost = c;
                        bestPos = j;
                    }
                    order.remove(j);
                }
                order.add(bestPos, item);
                improved |= bestPos != i;
            }
        }
        return toArray(order);
    }

    private static int[] toArray(List<Integer> order) {
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void permute(int[] a, int k, double[][] w, int[][] best, double[] bestCost) {
        if (k == a.length) {
            double c = cost(w, a) + tie(a);
            if (c < bestCost[0] - 1e-9) {
                bestCost[0] = c;
                best[0] = a.clone();
            }
            return;
        }
        for (int i = k; i < a.length; i++) {
            swap(a, k, i);
            permute(a, k + 1, w, best, bestCost);
            swap(a, k, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Sum of weight times distance; {@code order[p]} is the item at position p. */
    static double cost(double[][] w, int[] order) {
        int n = order.length;
        int[] pos = new int[n];
        for (int p = 0; p < n; p++) {
            pos[order[p]] = p;
        }
        double c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (w[i][j] != 0) {
                    c += w[i][j] * Math.abs(pos[i] - pos[j]);
                }
            }
        }
        return c;
    }

    /** A small cost for leaving the given order, to break ties toward it. */
    private static double tie(int[] order) {
        double d = 0;
        for (int p = 0; p < order.length; p++) {
            d += Math.abs(order[p] - p);
        }
        return d * 1e-3;
    }
}

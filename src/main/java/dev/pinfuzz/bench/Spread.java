package dev.pinfuzz.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Median and maximum of a few timings, where a run that hit its cap counts as +infinity: a median
 * or maximum that is infinite reads "> cap".
 */
public record Spread(double median, double max, int found, int runs) {
    public static <T> Spread of(List<T> runs, ToDoubleFunction<T> value) {
        double[] v = runs.stream().mapToDouble(value).sorted().toArray();
        int found = (int) Arrays.stream(v).filter(Double::isFinite).count();
        if (v.length == 0) return new Spread(Double.NaN, Double.NaN, 0, 0);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[n - 1], found, n);
    }

    /**
     * {@code a / b} of two medians, where infinity is a capped one: +infinity when only {@code a} is
     * capped, 0 when only {@code b} is, NaN when both are (or a figure is missing).
     */
    public static double ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b <= 0 || Double.isInfinite(a) && Double.isInfinite(b)) return Double.NaN;
        return Double.isInfinite(b) ? 0 : a / b;
    }
}

package org.discern.report.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.discern.metrics.Normal;

/**
 * Axis ticks: positions (in the axis's drawing coordinate) and their labels, always at round
 * values written as such ({@code 0.1}, {@code 2.5}, {@code 100,000}, {@code 0.1%}), never
 * {@code 0.14842285} or {@code 10000.0}. Labels are locale-independent.
 *
 * @param at tick positions, ascending
 * @param labels one label per position
 */
public record Ticks(double[] at, String[] labels) {
    /** Rates (in percent) a probit axis may show, the round ones of a DET plot. */
    private static final double[] PROBIT_PERCENT = {1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 5, 20, 50, 80, 95, 99, 99.9,
        99.99, 99.999, 99.9999, 99.99999};

    public Ticks {
        if (at.length != labels.length) {
            throw new IllegalArgumentException("one label per tick, got " + at.length + " and " + labels.length);
        }
        at = at.clone();
        labels = labels.clone();
    }

    @Override
    public double[] at() {
        return at.clone();
    }

    @Override
    public String[] labels() {
        return labels.clone();
    }

    /** Number of ticks. */
    public int size() {
        return at.length;
    }

    /** Position of tick i. */
    public double at(int i) {
        return at[i];
    }

    /** Label of tick i. */
    public String label(int i) {
        return labels[i];
    }

    /**
     * Ticks at multiples of a round step (1, 2, 2.5 or 5 times a power of ten) inside
     * [lo, hi], about {@code target} of them, each label with the decimals the step needs.
     */
    public static Ticks linear(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new Ticks(new double[] {lo}, new String[] {round(lo)});
        }
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double mult = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        double step = mult * mag;
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9) + (mult == 2.5 ? 1 : 0));
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, last - first + 1);
        double[] at = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            // the decimal of k * step, not its binary product: 3 * 0.1 is 0.3
            BigDecimal v = BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(first + i));
            at[i] = v.doubleValue();
            labels[i] = number(at[i], decimals);
        }
        return new Ticks(at, labels);
    }

    /**
     * Ticks of a logarithmic axis over [lo, hi] (both &gt; 0): every power of ten, plus 2 and 5
     * times it when the axis spans three decades or fewer.
     */
    public static Ticks log(double lo, double hi) {
        if (!(lo > 0) || !(hi > lo)) {
            throw new IllegalArgumentException("a log axis needs 0 < lo < hi, got " + lo + ", " + hi);
        }
        int d0 = (int) Math.floor(Math.log10(lo) + 1e-9);
        int d1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
        boolean fine = d1 - d0 <= 3;
        List<Double> at = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int d = d0; d <= d1; d++) {
            for (int m : fine ? new int[] {1, 2, 5} : new int[] {1}) {
                BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(d);
                double x = v.doubleValue();
                if (x >= lo * (1 - 1e-9) && x <= hi * (1 + 1e-9)) {
                    at.add(x);
                    labels.add(v.stripTrailingZeros().toPlainString());
                }
            }
        }
        return of(at, labels);
    }

    /**
     * Ticks of a normal-deviate (probit) axis at round percentages (0.01%, 0.1%, 1%, 5%, 20%,
     * 50%, 80%, 95%, 99%...) between the rates {@code lo} and {@code hi} (0 &lt; lo &lt; hi &lt; 1);
     * positions are the deviates, labels the percentages.
     */
    public static Ticks probitPercent(double lo, double hi) {
        List<Double> at = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (double p : PROBIT_PERCENT) {
            double r = p / 100;
            if (r >= lo * (1 - 1e-9) && r <= hi + 1e-12) {
                at.add(Normal.quantile(r));
                labels.add(BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + "%");
            }
        }
        return of(at, labels);
    }

    /**
     * The probit axis range for rates: the round percentage at or below the smallest rate in
     * (0, 1) of {@code rates} and the one at or above the largest, so that the data's full range
     * is shown (rates of exactly 0 or 1 have no deviate and are drawn at the edge).
     *
     * @return {lo, hi} as rates, 0 &lt; lo &lt; hi &lt; 1
     */
    public static double[] probitRange(double[]... rates) {
        double min = 1;
        double max = 0;
        for (double[] r : rates) {
            for (double v : r) {
                if (v > 0 && v < 1) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            // no rate strictly inside (0, 1): the usual 1%-99% frame
            return new double[] {0.01, 0.99};
        }
        double lo = PROBIT_PERCENT[0] / 100;
        double hi = PROBIT_PERCENT[PROBIT_PERCENT.length - 1] / 100;
        for (double p : PROBIT_PERCENT) {
            double r = p / 100;
            if (r <= min * (1 + 1e-9)) {
                lo = r;
            }
        }
        for (int i = PROBIT_PERCENT.length - 1; i >= 0; i--) {
            double r = PROBIT_PERCENT[i] / 100;
            if (r >= max * (1 - 1e-9)) {
                hi = r;
            }
        }
        if (hi <= lo) {
            hi = Math.min(PROBIT_PERCENT[PROBIT_PERCENT.length - 1] / 100, lo * 10);
        }
        // at least the 1%..50% frame, so that a short curve is still read against familiar rates
        return new double[] {Math.min(lo, 0.01), Math.max(hi, 0.5)};
    }

    /**
     * The value written with the fewest decimals that give it back (at most 10), without
     * exponent and with thousands separators from 10,000 on: 0.5, 2.5, 0.0001, 100,000.
     */
    public static String round(double v) {
        if (!Double.isFinite(v)) {
            return Fmt.fixed(v, 0);
        }
        for (int d = 0; d <= 10; d++) {
            double r = BigDecimal.valueOf(v).setScale(d, java.math.RoundingMode.HALF_EVEN).doubleValue();
            if (Math.abs(r - v) <= 1e-9 * Math.max(1, Math.abs(v))) {
                return number(r, d);
            }
        }
        return number(v, 10);
    }

    private static String number(double v, int decimals) {
        if (decimals == 0 && Math.abs(v) >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return Fmt.fixed(v, decimals);
    }

    private static Ticks of(List<Double> at, List<String> labels) {
        return new Ticks(at.stream().mapToDouble(Double::doubleValue).toArray(), labels.toArray(new String[0]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ticks t && Arrays.equals(at, t.at) && Arrays.equals(labels, t.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(at) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Ticks" + Arrays.toString(labels);
    }
}

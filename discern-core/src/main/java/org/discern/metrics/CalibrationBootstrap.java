package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;

/**
 * Bootstrap intervals of calibration errors: ECE and MCE of binary probabilities, top-label and
 * class-wise ECE (and each class's ECE) of multi-class probabilities.
 *
 * <p><b>Resampling.</b> Rows are resampled with replacement from the whole sample (one
 * stratum, not per class as {@link Bootstrap#binary}: calibration depends on the share of
 * positives, whose sampling variation an interval of the ECE must carry). Replicate b draws from
 * the same generator as every other {@link Bootstrap} path, so results depend on the seed and
 * the data only, never on the thread count. Percentile intervals ({@link BootstrapResult}).
 *
 * <p><b>Bins are fixed</b> at the sample's bins (the reliability curve's): each row keeps its
 * bin, and a replicate's ECE is Σ_b (W*_b / W*) |ō*_b - p̄*_b| over its non-empty bins. With
 * uniform bins this is exactly the ECE of the resampled rows; with quantile bins it is the ECE
 * of the resampled rows in the sample's bins (edges are not re-estimated per replicate). A
 * replicate costs O(rows x columns), no sort.
 */
public final class CalibrationBootstrap {
    private CalibrationBootstrap() {
    }

    /** Statistic names of {@link #binary}: {@code ece}, {@code mce}, in this order. */
    public static final List<String> BINARY = List.of(MetricKey.of(Metric.ECE).key(), MetricKey.of(Metric.MCE).key());

    /**
     * Bootstraps ECE (statistic 0, named {@code ece}) and MCE (1, {@code mce}) of a binary
     * calibration; the estimates equal {@code calibration}'s.
     *
     * @param probabilities the probabilities given to {@link Calibration#of(double[], boolean[],
     *     double[], int, CalibrationBinning)} for {@code calibration}
     * @param labels its labels
     * @param weights its weights, or null
     * @param calibration the sample's calibration, whose bins are kept
     * @param options replicates, seed, threads, level
     */
    public static BootstrapResult binary(double[] probabilities, boolean[] labels, double[] weights,
            Calibration calibration, BootstrapOptions options) {
        Checks.notNull(calibration, "calibration");
        Checks.notNull(probabilities, "probabilities");
        Checks.notNull(labels, "labels");
        Checks.sameLength(probabilities.length, labels.length, "probabilities", "labels");
        Binned col = Binned.of(probabilities, labels, calibration);
        return Bootstrap.stratified(new int[probabilities.length], weights, options, rw -> col.eceMce(rw), BINARY);
    }

    /**
     * Names of the statistics of {@link #multiclass}, in order: {@code ece_top_label},
     * {@code ece_classwise}, then {@link BootstrapResult#classStatistic}({@code ece}, class) per
     * class.
     */
    public static List<String> multiclassNames(List<String> classes) {
        List<String> names = new ArrayList<>();
        names.add(MetricKey.of(Metric.ECE_TOP_LABEL).key());
        names.add(MetricKey.of(Metric.ECE_CLASSWISE).key());
        for (String c : classes) {
            names.add(BootstrapResult.classStatistic(MetricKey.of(Metric.ECE), c));
        }
        return names;
    }

    /**
     * Bootstraps the top-label ECE, the class-wise ECE and each class's ECE of a multi-class
     * calibration (names: {@link #multiclassNames}); the estimates equal {@code calibration}'s.
     *
     * @param probabilities the row-major n x k matrix given to {@link MulticlassCalibration#of}
     *     for {@code calibration}
     * @param k number of classes
     * @param labels its labels
     * @param weights its weights, or null
     * @param calibration the sample's calibration, whose bins are kept
     * @param classes the k class names
     * @param options replicates, seed, threads, level
     */
    public static BootstrapResult multiclass(double[] probabilities, int k, int[] labels, double[] weights,
            MulticlassCalibration calibration, List<String> classes, BootstrapOptions options) {
        Checks.notNull(calibration, "calibration");
        Checks.notNull(probabilities, "probabilities");
        Checks.notNull(labels, "labels");
        Checks.notNull(classes, "classes");
        if (k != calibration.classes() || classes.size() != k || probabilities.length != (long) labels.length * k) {
            throw new IllegalArgumentException("shapes must agree: k = " + k + ", classes " + classes.size()
                    + ", calibration " + calibration.classes() + ", " + labels.length + " labels, "
                    + probabilities.length + " probabilities");
        }
        int n = labels.length;
        Binned[] cols = new Binned[k + 1];
        double[] column = new double[n];
        boolean[] isClass = new boolean[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                column[i] = probabilities[i * k + c];
                isClass[i] = labels[i] == c;
            }
            cols[c] = Binned.of(column, isClass, calibration.perClass(c));
        }
        for (int i = 0; i < n; i++) {
            int arg = 0;
            double max = probabilities[i * k];
            for (int c = 1; c < k; c++) {
                if (probabilities[i * k + c] > max) {
                    max = probabilities[i * k + c];
                    arg = c;
                }
            }
            column[i] = max;
            isClass[i] = arg == labels[i];
        }
        cols[k] = Binned.of(column, isClass, calibration.topLabel());
        WeightedStatistic stat = rw -> {
            double[] out = new double[k + 2];
            out[0] = cols[k].eceMce(rw)[0];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                out[c + 2] = cols[c].eceMce(rw)[0];
                sum += out[c + 2];
            }
            out[1] = sum / k;
            return out;
        };
        return Bootstrap.stratified(new int[n], weights, options, stat, multiclassNames(classes));
    }

    /** One probability column with each row's (fixed) bin. */
    private static final class Binned {
        final int bins;
        final int[] bin;
        final double[] p;
        final boolean[] y;

        private Binned(int bins, int[] bin, double[] p, boolean[] y) {
            this.bins = bins;
            this.bin = bin;
            this.p = p;
            this.y = y;
        }

        static Binned of(double[] p, boolean[] y, Calibration c) {
            int[] bin = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                bin[i] = c.binOf(p[i]);
            }
            return new Binned(c.bins(), bin, p.clone(), y.clone());
        }

        /** {ECE, MCE} of the rows under weights rw, over the bins of positive weight. */
        double[] eceMce(double[] rw) {
            double[] w = new double[bins];
            double[] sp = new double[bins];
            double[] sy = new double[bins];
            double total = 0;
            for (int i = 0; i < p.length; i++) {
                double wi = rw[i];
                if (wi == 0) {
                    continue;
                }
                int b = bin[i];
                w[b] += wi;
                sp[b] += wi * p[i];
                if (y[i]) {
                    sy[b] += wi;
                }
                total += wi;
            }
            double ece = 0;
            double mce = 0;
            for (int b = 0; b < bins; b++) {
                if (w[b] > 0) {
                    double gap = Math.abs(sy[b] / w[b] - sp[b] / w[b]);
                    ece += w[b] * gap;
                    mce = Math.max(mce, gap);
                }
            }
            return new double[] {ece / total, mce};
        }
    }
}

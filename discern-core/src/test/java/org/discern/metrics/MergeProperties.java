package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Merged partial results equal the whole: the operating points of a sample split into parts
 * (partitions, batches, files), merged per distinct score through the public
 * {@link OperatingPoints#fromCumulative} (the way a distributed evaluation hands its aggregate to
 * core), are the table of the whole sample, and every number and curve agrees. (Written against
 * the table because no mergeable summary type is on main yet; when one lands, point this property
 * at its merge.)
 */
class MergeProperties {

    @Provide
    Arbitrary<BinaryProperties.Sample> binary() {
        return new BinaryProperties().samples();
    }

    /** The merge: per-part increments summed per distinct score, then cumulated, descending. */
    static OperatingPoints merge(List<OperatingPoints> parts) {
        TreeMap<Double, double[]> perScore = new TreeMap<>(Comparator.reverseOrder());
        int rows = 0;
        int positiveRows = 0;
        boolean weighted = false;
        for (OperatingPoints p : parts) {
            double tp = 0;
            double fp = 0;
            for (int i = 0; i < p.size(); i++) {
                double[] c = perScore.computeIfAbsent(p.threshold(i), t -> new double[2]);
                c[0] += p.truePositives(i) - tp;
                c[1] += p.falsePositives(i) - fp;
                tp = p.truePositives(i);
                fp = p.falsePositives(i);
            }
            rows += p.rows();
            positiveRows += p.positiveRows();
            weighted |= p.weighted();
        }
        int m = perScore.size();
        double[] thr = new double[m];
        double[] tps = new double[m];
        double[] fps = new double[m];
        int i = 0;
        double tp = 0;
        double fp = 0;
        for (Map.Entry<Double, double[]> e : perScore.entrySet()) {
            tp += e.getValue()[0];
            fp += e.getValue()[1];
            thr[i] = e.getKey();
            tps[i] = tp;
            fps[i] = fp;
            i++;
        }
        return OperatingPoints.fromCumulative(thr, tps, fps, rows, positiveRows, weighted);
    }

    @Property(seed = "21")
    void mergedPartsEqualTheWhole(@ForAll("binary") BinaryProperties.Sample x,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed, @ForAll boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = x.n();
        int[] part = new int[n];
        for (int i = 0; i < n; i++) {
            part[i] = rnd.nextInt(parts);
        }
        double[] w = weighted ? x.weights() : null;
        List<OperatingPoints> tables = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (part[i] == p && (w == null || w[i] > 0)) {
                    rows.add(i);
                }
            }
            if (rows.isEmpty()) {
                continue; // an empty part (or one of weight 0 only) adds nothing
            }
            double[] s = rows.stream().mapToDouble(i -> x.scores()[i]).toArray();
            boolean[] y = new boolean[rows.size()];
            double[] pw = w == null ? null : rows.stream().mapToDouble(i -> w[i]).toArray();
            for (int k = 0; k < y.length; k++) {
                y[k] = x.labels()[rows.get(k)];
            }
            tables.add(OperatingPoints.of(s, y, pw));
        }
        OperatingPoints whole = OperatingPoints.of(x.scores(), x.labels(), w);
        OperatingPoints merged = merge(tables);
        assertArrayEquals(whole.thresholds(), merged.thresholds());
        assertArrayEquals(whole.truePositives(), merged.truePositives());
        assertArrayEquals(whole.falsePositives(), merged.falsePositives());
        assertEquals(whole.rows(), merged.rows());
        assertEquals(whole.positiveRows(), merged.positiveRows());
        Same.binary(BinaryEvaluation.of(whole), BinaryEvaluation.of(merged), "merged " + parts + " parts");
        assertEquals(DeLong.auc(whole), DeLong.auc(merged));
    }
}

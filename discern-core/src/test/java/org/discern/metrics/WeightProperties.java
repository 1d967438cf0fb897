package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Seeded properties of sample weights, for every metric and curve: integer weights are repeated
 * rows; a weight of 0 is a removed row; any positive scale of the weights changes nothing.
 * Binary samples come from {@link BinaryProperties#samples()}, multi-class ones from
 * {@link MulticlassProperties#samples()}.
 */
class WeightProperties {

    @Provide
    Arbitrary<BinaryProperties.Sample> binary() {
        return new BinaryProperties().samples();
    }

    @Provide
    Arbitrary<MulticlassProperties.Sample> multiclass() {
        return new MulticlassProperties().samples().filter(s -> s.weights() != null);
    }

    /** Scores in [0, 1] (so log loss and Brier are computed) from a sample's grid scores. */
    private static double[] probabilities(double[] s) {
        return Arrays.stream(s).map(v -> (v + 2) / 4).toArray();
    }

    @Property(seed = "11")
    void integerWeightsAreRepeatedRows(@ForAll("binary") BinaryProperties.Sample x) {
        double[] s = probabilities(x.scores());
        List<Double> rs = new ArrayList<>();
        List<Boolean> ry = new ArrayList<>();
        for (int i = 0; i < x.n(); i++) {
            for (int k = 0; k < (int) x.weights()[i]; k++) {
                rs.add(s[i]);
                ry.add(x.labels()[i]);
            }
        }
        double[] repeatedScores = rs.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] repeatedLabels = new boolean[ry.size()];
        for (int i = 0; i < repeatedLabels.length; i++) {
            repeatedLabels[i] = ry.get(i);
        }
        BinaryEvaluation weighted = BinaryEvaluation.of(s, x.labels(), x.weights());
        BinaryEvaluation repeated = BinaryEvaluation.of(repeatedScores, repeatedLabels);
        // every count is an integer: the tables, curves and areas are the same to the bit
        Same.binary(repeated, weighted, "weights vs repeated rows");
        // frequency weights: DeLong's variance is that of the repeated rows
        DeLongAuc dw = DeLong.auc(s, x.labels(), x.weights());
        DeLongAuc dr = DeLong.auc(repeatedScores, repeatedLabels, null);
        assertEquals(dr.auc(), dw.auc());
        if (Double.isNaN(dr.variance())) {
            assertTrue(Double.isNaN(dw.variance()));
        } else {
            Approx.assertClose(dr.variance(), dw.variance(), 1e-12, "delong variance");
        }
    }

    @Property(seed = "12")
    void weightZeroIsARemovedRow(@ForAll("binary") BinaryProperties.Sample x) {
        // non-integer positive weights next to the zeros
        double[] w = Arrays.stream(x.weights()).map(v -> v == 0 ? 0 : v / 3 + 0.25).toArray();
        int[] keep = java.util.stream.IntStream.range(0, x.n()).filter(i -> w[i] > 0).toArray();
        double[] s = probabilities(x.scores());
        double[] ks = Arrays.stream(keep).mapToDouble(i -> s[i]).toArray();
        double[] kw = Arrays.stream(keep).mapToDouble(i -> w[i]).toArray();
        boolean[] ky = new boolean[keep.length];
        for (int i = 0; i < keep.length; i++) {
            ky[i] = x.labels()[keep[i]];
        }
        BinaryEvaluation a = BinaryEvaluation.of(s, x.labels(), w);
        BinaryEvaluation b = BinaryEvaluation.of(ks, ky, kw);
        Same.binary(b, a, "weight 0 vs removed");
        assertEquals(b.rows(), a.rows());
        assertEquals(DeLong.auc(ks, ky, kw), DeLong.auc(s, x.labels(), w));
        double[] t = Arrays.stream(s).map(v -> 1 - v * v).toArray();
        double[] kt = Arrays.stream(keep).mapToDouble(i -> t[i]).toArray();
        assertEquals(DeLong.paired(ks, kt, ky, kw, 0.9), DeLong.paired(s, t, x.labels(), w, 0.9));
    }

    @Property(seed = "13")
    void anyPositiveScaleOfTheWeightsChangesNothing(@ForAll("binary") BinaryProperties.Sample x,
            @ForAll @IntRange(min = -300, max = 300) int exponent, @ForAll @IntRange(min = 1, max = 9) int mantissa) {
        double scale = mantissa * Math.pow(10, exponent);
        double[] s = probabilities(x.scores());
        double[] scaled = Arrays.stream(x.weights()).map(v -> v * scale).toArray();
        if (Arrays.stream(scaled).allMatch(v -> v == 0)) {
            return; // below the smallest double: nothing left
        }
        BinaryEvaluation a = BinaryEvaluation.of(s, x.labels(), x.weights());
        BinaryEvaluation b = BinaryEvaluation.of(s, x.labels(), scaled);
        Same.binaryNumbers(a, b, 1e-12, "scale " + scale);
        // the rates of the curves too
        RocCurve ra = a.rocCurveAllThresholds();
        RocCurve rb = b.rocCurveAllThresholds();
        assertEquals(ra.size(), rb.size());
        for (int i = 0; i < ra.size(); i++) {
            Approx.assertClose(ra.tpr(i), rb.tpr(i), 1e-12, "tpr");
            Approx.assertClose(ra.fpr(i), rb.fpr(i), 1e-12, "fpr");
        }
        // a power of two is exact: bit for bit
        double two = Math.scalb(1.0, Math.getExponent(scale));
        Same.binaryRates(a, BinaryEvaluation.of(s, x.labels(), Arrays.stream(x.weights()).map(v -> v * two).toArray()),
                "scale " + two);
    }

    @Property(tries = 300, seed = "14")
    void multiclassIntegerWeightsAreRepeatedRowsAndZeroIsRemoved(@ForAll("multiclass") MulticlassProperties.Sample x) {
        List<Integer> ry = new ArrayList<>();
        List<double[]> rs = new ArrayList<>();
        for (int i = 0; i < x.labels().length; i++) {
            for (int k = 0; k < (int) x.weights()[i]; k++) {
                ry.add(x.labels()[i]);
                rs.add(x.scores()[i]);
            }
        }
        MulticlassEvaluation weighted = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        MulticlassEvaluation repeated = MulticlassEvaluation.of(ry.stream().mapToInt(Integer::intValue).toArray(),
                rs.toArray(double[][]::new), x.names(), null);
        Same.multiclass(repeated, weighted, 0, "weights vs repeated rows");
    }

    @Property(tries = 300, seed = "15")
    void multiclassScaleChangesNothing(@ForAll("multiclass") MulticlassProperties.Sample x,
            @ForAll @IntRange(min = -300, max = 300) int exponent) {
        double scale = 3 * Math.pow(10, exponent);
        double[] scaled = Arrays.stream(x.weights()).map(v -> v * scale).toArray();
        if (Arrays.stream(scaled).allMatch(v -> v == 0)) {
            return;
        }
        MulticlassEvaluation a = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        MulticlassEvaluation b = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), scaled);
        Same.multiclass(a, b, 1e-12, "scale " + scale);
    }

    @Property(tries = 300, seed = "16")
    void multilabelWeightZeroIsARemovedRow(@ForAll("multiclass") MulticlassProperties.Sample x) {
        // the multi-class sample as a multi-label one: label c on when the class is c or c + 1
        int n = x.labels().length;
        int k = x.k();
        int[][] ind = new int[n][k];
        for (int i = 0; i < n; i++) {
            ind[i][x.labels()[i]] = 1;
            ind[i][(x.labels()[i] + 1) % k] = 1;
        }
        int[] keep = java.util.stream.IntStream.range(0, n).filter(i -> x.weights()[i] > 0).toArray();
        MultilabelEvaluation a = MultilabelEvaluation.of(ind, x.scores(), x.names(), x.weights());
        MultilabelEvaluation b = MultilabelEvaluation.of(Arrays.stream(keep).mapToObj(i -> ind[i]).toArray(int[][]::new),
                Arrays.stream(keep).mapToObj(i -> x.scores()[i]).toArray(double[][]::new), x.names(),
                Arrays.stream(keep).mapToDouble(i -> x.weights()[i]).toArray());
        assertEquals(b.rows(), a.rows());
        for (int c = 0; c < k; c++) {
            Same.binary(b.labelEvaluation(c), a.labelEvaluation(c), "label " + c);
        }
        assertEquals(b.rocAucMicro(), a.rocAucMicro());
        assertEquals(b.averagePrecisionMicro(), a.averagePrecisionMicro());
        assertEquals(b.rocAucSamples(), a.rocAucSamples());
        assertEquals(b.labelRankingAveragePrecision(), a.labelRankingAveragePrecision());
        assertEquals(b.coverageError(), a.coverageError());
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The point walks of {@link BinaryEvaluation} ({@code visitRocCurve}, {@code visitPrecisionRecallCurve},
 * {@code visitDetCurve}) and the curves built from them give, bit for bit, the points of a
 * brute-force reference (counts by scanning every row at every distinct score, scikit-learn's
 * rules spelled out), on the table of the scores and on both tables of {@link BinaryScoreBlocks}
 * (the compact one forced on small inputs).
 */
class CurveWalkProperties {

    record Rows(double[] scores, boolean[] labels) {
    }

    @Provide
    Arbitrary<Rows> rows() {
        Arbitrary<Double> score = BinaryRowArbitraries.score();
        return Arbitraries.integers().between(1, 300).flatMap(n -> Combinators.combine(
                score.array(double[].class).ofSize(n),
                BinaryRowArbitraries.labels(n))
                .as(Rows::new));
    }

    /** Points as (threshold, x, y) triples, in order. */
    record Points(double[] thresholds, double[] x, double[] y) {
        static Points of(List<double[]> l) {
            double[] t = new double[l.size()];
            double[] x = new double[l.size()];
            double[] y = new double[l.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = l.get(i)[0];
                x[i] = l.get(i)[1];
                y[i] = l.get(i)[2];
            }
            return new Points(t, x, y);
        }

        void assertSame(Points actual, String what) {
            assertArrayEquals(thresholds, actual.thresholds, what + " thresholds");
            assertArrayEquals(x, actual.x, what + " x");
            assertArrayEquals(y, actual.y, what + " y");
        }
    }

    /** The reference: distinct scores descending, cumulative counts by brute force. */
    static final class Reference {
        final double[] thr;
        final double[] tp;
        final double[] fp;
        final double p;
        final double n;

        Reference(Rows r) {
            // -0.0 and 0.0 are one score, whose threshold is 0.0
            double[] distinct = Arrays.stream(r.scores).map(s -> s + 0.0).distinct().sorted().toArray();
            int m = distinct.length;
            thr = new double[m];
            tp = new double[m];
            fp = new double[m];
            for (int i = 0; i < m; i++) {
                thr[i] = distinct[m - 1 - i];
                for (int k = 0; k < r.scores.length; k++) {
                    if (r.scores[k] >= thr[i]) {
                        if (r.labels[k]) {
                            tp[i]++;
                        } else {
                            fp[i]++;
                        }
                    }
                }
            }
            p = tp[m - 1];
            n = fp[m - 1];
        }

        Points roc(boolean all) {
            int m = thr.length;
            List<double[]> l = new ArrayList<>();
            l.add(new double[] {Double.POSITIVE_INFINITY, n == 0 ? Double.NaN : 0, p == 0 ? Double.NaN : 0});
            for (int i = 0; i < m; i++) {
                boolean keep = all || i == 0 || i == m - 1
                        || (fp[i + 1] - fp[i]) - (fp[i] - fp[i - 1]) != 0
                        || (tp[i + 1] - tp[i]) - (tp[i] - tp[i - 1]) != 0;
                if (keep) {
                    l.add(new double[] {thr[i], fp[i] / n, tp[i] / p});
                }
            }
            return Points.of(l);
        }

        Points pr() {
            List<double[]> l = new ArrayList<>();
            l.add(new double[] {Double.POSITIVE_INFINITY, 1, 0});
            for (int i = 0; i < thr.length; i++) {
                double predicted = tp[i] + fp[i];
                l.add(new double[] {thr[i], predicted == 0 ? 0 : tp[i] / predicted, p == 0 ? Double.NaN : tp[i] / p});
            }
            return Points.of(l);
        }

        Points det() {
            int m = thr.length;
            int first = 0;
            while (first + 1 < m && fp[first + 1] == fp[0]) {
                first++;
            }
            int last = m - 1;
            if (p > 0) {
                last = 0;
                while (tp[last] < p) {
                    last++;
                }
            }
            List<double[]> l = new ArrayList<>();
            for (int i = Math.min(first, last); i <= Math.max(first, last); i++) {
                l.add(new double[] {thr[i], fp[i] / n, (p - tp[i]) / p});
            }
            return Points.of(l);
        }
    }

    private static BinaryEvaluation viaBlocks(Rows r, int compactAbove) {
        BinaryScoreBlocks b = new BinaryScoreBlocks();
        for (int i = 0; i < r.scores.length; i++) {
            b.add(r.scores[i], r.labels[i] ? 1 : 0);
        }
        return b.evaluate(false, true, compactAbove);
    }

    private static Points walked(java.util.function.Consumer<CurveVisitor<RuntimeException>> walk) {
        List<double[]> l = new ArrayList<>();
        walk.accept((t, x, y) -> l.add(new double[] {t, x, y}));
        return Points.of(l);
    }

    private static void check(Rows r, BinaryEvaluation ev, String table) {
        Reference ref = new Reference(r);
        for (boolean all : new boolean[] {false, true}) {
            String what = table + (all ? " roc --all-thresholds" : " roc");
            Points expected = ref.roc(all);
            expected.assertSame(walked(v -> ev.visitRocCurve(all, v)), what + " walk");
            RocCurve c = all ? ev.rocCurveAllThresholds() : ev.rocCurve();
            expected.assertSame(new Points(c.thresholds(), c.fpr(), c.tpr()), what + " curve");
        }
        Points pr = ref.pr();
        pr.assertSame(walked(ev::visitPrecisionRecallCurve), table + " pr walk");
        PrecisionRecallCurve prc = ev.precisionRecallCurve();
        pr.assertSame(new Points(prc.thresholds(), prc.precision(), prc.recall()), table + " pr curve");
        Points det = ref.det();
        det.assertSame(walked(ev::visitDetCurve), table + " det walk");
        DetCurve d = ev.detCurve();
        det.assertSame(new Points(d.thresholds(), d.fpr(), d.fnr()), table + " det curve");
    }

    @Property(tries = 300, seed = "20261206")
    void walksAndCurvesAreTheReferencePoints(@ForAll("rows") Rows r) {
        check(r, BinaryEvaluation.of(r.scores, r.labels), "scores");
        check(r, viaBlocks(r, Integer.MAX_VALUE), "array table");
        check(r, viaBlocks(r, 0), "compact table");
    }

    @Example
    void collinearPointsAreDroppedOnlyByDefault() {
        // four distinct scores, all negatives then all positives: the middle negatives are collinear
        Rows r = new Rows(new double[] {0.9, 0.8, 0.4, 0.3, 0.2, 0.1}, new boolean[] {true, true, false, false, false, false});
        BinaryEvaluation ev = BinaryEvaluation.of(r.scores, r.labels);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.1}, ev.rocCurve().thresholds());
        assertEquals(7, ev.rocCurveAllThresholds().size());
        check(r, ev, "example");
        check(r, viaBlocks(r, 0), "example compact");
    }
}

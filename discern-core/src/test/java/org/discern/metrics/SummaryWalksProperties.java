package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The summary's two walks ({@link BinaryEvaluation#rocAucAveragePrecisionKs()},
 * {@link BinaryEvaluation#prAucInterpolatedAndTrapezoid()}) give each number bit for bit as its
 * own method does: unweighted and weighted tables, ties, one class only, a single row.
 */
class SummaryWalksProperties {

    record Rows(double[] scores, boolean[] labels, double[] weights) {
    }

    @Provide
    Arbitrary<Rows> rows() {
        return Arbitraries.integers().between(1, 300).flatMap(n -> Combinators.combine(
                BinaryRowArbitraries.score().array(double[].class).ofSize(n),
                Arbitraries.oneOf(BinaryRowArbitraries.labels(n),
                        Arbitraries.of(true, false).map(v -> filled(n, v))),
                Arbitraries.oneOf(Arbitraries.just(null),
                        Arbitraries.doubles().between(0, 5).ofScale(2).array(double[].class).ofSize(n)))
                .as(Rows::new));
    }

    private static boolean[] filled(int n, boolean v) {
        boolean[] y = new boolean[n];
        Arrays.fill(y, v);
        return y;
    }

    @Property(tries = 500, seed = "20261207")
    void eachNumberAsItsOwnWalkMakesIt(@ForAll("rows") Rows r) {
        BinaryEvaluation ev;
        try {
            ev = r.weights == null ? BinaryEvaluation.of(r.scores, r.labels) : BinaryEvaluation.of(r.scores, r.labels, r.weights);
        } catch (IllegalArgumentException e) {
            return; // all weights zero: refused by both alike
        }
        same(ev);
    }

    @Example
    void largeTable() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int n = 200_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(10) < 3;
            s[i] = random.nextInt(4) == 0 ? random.nextInt(100) / 99.0 : 1 / (1 + Math.exp(-(random.nextGaussian() + (y[i] ? 1.2 : 0))));
        }
        same(BinaryEvaluation.of(s, y));
    }

    private static void same(BinaryEvaluation ev) {
        double[] ranks = ev.rocAucAveragePrecisionKs();
        double[] areas = ev.prAucInterpolatedAndTrapezoid();
        assertEquals(ev.rocAuc(), ranks[0], "ROC AUC");
        assertEquals(ev.averagePrecision(), ranks[1], "average precision");
        assertEquals(ev.ks(), ranks[2], "KS");
        assertEquals(ev.prAucInterpolated(), areas[0], "PR AUC interpolated");
        assertEquals(ev.prAucTrapezoid(), areas[1], "PR AUC trapezoid");
    }
}

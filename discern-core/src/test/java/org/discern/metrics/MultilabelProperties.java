package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Seeded properties of the multi-label per-sample metrics against their O(L^2) definitions. */
class MultilabelProperties {

    record Sample(int l, int[][] y, double[][] s, double[] w) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.integers().between(1, 30), Arbitraries.integers().between(1, 7),
                Arbitraries.of(true, false)).flatAs((n, l, weighted) -> Combinators.combine(
                        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n * l),
                        Arbitraries.integers().between(-3, 3).array(int[].class).ofSize(n * l),
                        Arbitraries.integers().between(1, 4).array(int[].class).ofSize(n))
                .as((y, s, w) -> {
                    int[][] yy = new int[n][l];
                    double[][] ss = new double[n][l];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < l; j++) {
                            yy[i][j] = y[i * l + j];
                            ss[i][j] = s[i * l + j] / 2.0;
                        }
                    }
                    double[] ww = null;
                    if (weighted) {
                        ww = new double[n];
                        for (int i = 0; i < n; i++) {
                            ww[i] = w[i];
                        }
                    }
                    return new Sample(l, yy, ss, ww);
                }));
    }

    @Property(seed = "8")
    void sampleAveragesAndRankingMetricsFollowTheirDefinitions(@ForAll("samples") Sample x) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x.l(); j++) {
            names.add("l" + j);
        }
        MultilabelEvaluation ev = MultilabelEvaluation.of(x.y(), x.s(), names, x.w());
        double auc = 0;
        double aucW = 0;
        double ap = 0;
        double apW = 0;
        double lrap = 0;
        double cov = 0;
        double total = 0;
        for (int i = 0; i < x.y().length; i++) {
            int[] y = x.y()[i];
            double[] s = x.s()[i];
            double wi = x.w() == null ? 1 : x.w()[i];
            total += wi;
            int rel = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                if (y[j] == 1) {
                    rel++;
                    min = Math.min(min, s[j]);
                }
            }
            double mw = 0;
            double prec = 0;
            int c = 0;
            for (int j = 0; j < y.length; j++) {
                if (s[j] >= min) {
                    c++;
                }
                if (y[j] == 0) {
                    continue;
                }
                int above = 0;
                int relAbove = 0;
                for (int q = 0; q < y.length; q++) {
                    if (s[q] >= s[j]) {
                        above++;
                        relAbove += y[q];
                    }
                    if (y[q] == 0) {
                        mw += s[q] < s[j] ? 1 : s[q] == s[j] ? 0.5 : 0;
                    }
                }
                prec += (double) relAbove / above;
            }
            cov += wi * (rel == 0 ? 0 : c);
            if (rel == 0) {
                lrap += wi;
                continue;
            }
            ap += wi * prec / rel;
            apW += wi;
            lrap += wi * (rel == y.length ? 1 : prec / rel);
            if (rel < y.length) {
                auc += wi * mw / (rel * (double) (y.length - rel));
                aucW += wi;
            }
        }
        Approx.assertClose(aucW == 0 ? Double.NaN : auc / aucW, ev.rocAucSamples(), 1e-12, "samples auc");
        Approx.assertClose(apW == 0 ? Double.NaN : ap / apW, ev.averagePrecisionSamples(), 1e-12, "samples ap");
        Approx.assertClose(lrap / total, ev.labelRankingAveragePrecision(), 1e-12, "lrap");
        Approx.assertClose(cov / total, ev.coverageError(), 1e-12, "coverage");
        for (int j = 0; j < x.l(); j++) {
            boolean[] pos = new boolean[x.y().length];
            double[] col = new double[x.y().length];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = x.y()[i][j] == 1;
                col[i] = x.s()[i][j];
            }
            assertEquals(BinaryEvaluation.of(col, pos, x.w()).rocAuc(), ev.rocAuc(j));
        }
    }
}

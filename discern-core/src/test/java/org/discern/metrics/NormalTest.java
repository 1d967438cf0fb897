package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values printed by R 4 ({@code sprintf("%.17g", pnorm(x))}, {@code qnorm(p)}), which uses the same algorithms. */
class NormalTest {

    @ParameterizedTest
    @CsvSource({
        "-37.5, 4.6053530095819552e-308",
        "-20, 2.7536241186062337e-89",
        "-8.5, 9.4795348222033192e-18",
        "-6, 9.8658764503769809e-10",
        "-5.656854, 7.7086401511181067e-09",
        "-3, 0.0013498980316300946",
        "-1.96, 0.024997895148220428",
        "-0.6744897, 0.25000001595113913",
        "-0.3, 0.38208857781104733",
        "-1e-10, 0.49999999996010575",
        "0, 0.5",
        "0.5, 0.69146246127401301",
        "1, 0.84134474606854293",
        "2.5, 0.99379033467422384",
        "5, 0.99999971334842808",
    })
    void cdfMatchesR(double x, double expected) {
        assertClose(expected, Normal.cdf(x), 1e-14, "pnorm(" + x + ")");
    }

    @ParameterizedTest
    @CsvSource({
        "-3, 0.9986501019683699",
        "1, 0.15865525393145705",
        "5, 2.8665157187919391e-07",
        "8, 6.2209605742717849e-16",
        "8.3, 5.2055697448902552e-17",
        "12, 1.776482112077679e-33",
        "30, 4.9067139271481872e-198",
    })
    void upperTailKeepsRelativePrecision(double x, double expected) {
        assertClose(expected, Normal.survival(x), 1e-14, "pnorm(" + x + ", lower = FALSE)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-40, -38})
    void farLowerTailIsZero(double x) {
        assertEquals(0.0, Normal.cdf(x));
        assertEquals(1.0, Normal.survival(x));
    }

    @ParameterizedTest
    @CsvSource({
        "1e-300, -37.047096299361201",
        "1e-100, -21.273453560965319",
        "1e-20, -9.2623400897984052",
        "1.3e-11, -6.6676114565107403",
        "1e-05, -4.2648907939228256",
        "0.001, -3.0902323061678132",
        "0.025, -1.9599639845400538",
        "0.05, -1.6448536269514726",
        "0.075, -1.4395314709384557",
        "0.2, -0.84162123357291418",
        "0.7, 0.52440051270804067",
        "0.925, 1.4395314709384559",
        "0.975, 1.9599639845400536",
        "0.999, 3.0902323061678132",
        "0.999999999999, 7.0344869100478356",
    })
    void quantileMatchesR(double p, double expected) {
        assertClose(expected, Normal.quantile(p), 1e-14, "qnorm(" + p + ")");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-12, 0.01, 0.3, 0.5, 0.8, 0.99})
    void quantileInvertsCdf(double p) {
        assertClose(p, Normal.cdf(Normal.quantile(p)), 1e-13, "cdf(quantile(" + p + "))");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void quantileRejectsNonProbabilities(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normal.quantile(p));
        assertEquals("p must be in [0, 1], got " + p, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void boundsAndCriticalValue() {
        assertEquals(Double.NEGATIVE_INFINITY, Normal.quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, Normal.quantile(1));
        assertEquals(0.0, Normal.quantile(0.5));
        assertClose(1.9599639845400538, Normal.twoSidedCritical(0.95), 1e-15, "z 0.95");
        assertThrows(IllegalArgumentException.class, () -> Normal.twoSidedCritical(1));
        assertEquals(Double.NaN, Normal.cdf(Double.NaN));
    }
}

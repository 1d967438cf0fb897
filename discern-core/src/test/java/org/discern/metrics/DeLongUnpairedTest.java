package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The unpaired DeLong test against pROC 1.18.0's {@code roc.test(paired = FALSE)}: Student's t
 * with Welch-Satterthwaite degrees of freedom (reference/delong_unpaired.R).
 */
class DeLongUnpairedTest {

    static Stream<JsonNode> cases() {
        JsonNode all = References.json("delong_unpaired.json").get("cases");
        return Stream.iterate(0, i -> i < all.size(), i -> i + 1).map(all::get);
    }

    private static boolean[] labels(JsonNode a) {
        boolean[] y = new boolean[a.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = a.get(i).asInt() == 1;
        }
        return y;
    }

    private static AucComparison test(JsonNode c) {
        DeLongAuc a = DeLong.auc(Fixtures.doubles(c.get("scores_a")), labels(c.get("labels_a")), null);
        DeLongAuc b = DeLong.auc(Fixtures.doubles(c.get("scores_b")), labels(c.get("labels_b")), null);
        return DeLong.unpaired("a", a, "b", b, 0.95);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesProcsStudentTTest(JsonNode c) {
        AucComparison t = test(c);
        String name = c.get("name").asText();
        assertClose(c.get("roc_auc_a").asDouble(), t.aucA(), 1e-12, name + " auc a");
        assertClose(c.get("roc_auc_b").asDouble(), t.aucB(), 1e-12, name + " auc b");
        assertClose(c.get("variance_a").asDouble(), t.varianceA(), 1e-12, name + " variance a");
        assertClose(c.get("variance_b").asDouble(), t.varianceB(), 1e-12, name + " variance b");
        assertClose(c.get("statistic").asDouble(), t.z(), 1e-12, name + " statistic");
        assertClose(c.get("df").asDouble(), t.degreesOfFreedom(), 1e-12, name + " df");
        assertClose(c.get("p_value").asDouble(), t.pValue(), 1e-12, name + " p");
        assertEquals(t.pValue(), t.pValueHolm());
        assertFalse(t.paired());
        assertEquals(0.0, t.covariance());
        // the normal-theory p the test used before is smaller: the reference distribution matters
        assertTrue(t.pValue() > c.get("p_value_normal").asDouble(), name);
    }

    /** The case: 0.1528, not the normal 0.1513. */
    @Test
    void wfnsAgainstS100bOnAllOfAsah() {
        AucComparison t = test(cases().filter(c -> c.get("name").asText().equals("asah_wfns_vs_s100b"))
                .findFirst().orElseThrow());
        assertEquals(0.1528, t.pValue(), 5e-5);
        assertEquals(206.661, t.degreesOfFreedom(), 1e-3);
    }

    /** The interval of the difference is d +- t_{df, 0.975} se, by hand. */
    @Test
    void differenceIntervalUsesTheTCriticalValue() {
        AucComparison t = test(cases().findFirst().orElseThrow());
        double se = Math.sqrt(t.varianceA() + t.varianceB());
        double crit = StudentT.quantile(0.975, t.degreesOfFreedom());
        assertClose(t.difference() - crit * se, t.differenceLower(), 1e-13, "lower");
        assertClose(t.difference() + crit * se, t.differenceUpper(), 1e-13, "upper");
        assertTrue(crit > Normal.twoSidedCritical(0.95));
    }

    /** Welch-Satterthwaite df by hand on round numbers. */
    @Test
    void degreesOfFreedomFormula() {
        // (0.01 + 0.03)^2 / (0.01^2 / 9 + 0.03^2 / 19)
        assertClose(0.0016 / (0.0001 / 9 + 0.0009 / 19), DeLong.welchSatterthwaite(0.01, 10, 0.03, 20), 1e-15,
                "df");
        assertTrue(Double.isNaN(DeLong.welchSatterthwaite(0, 10, 0, 20)));
        assertTrue(Double.isNaN(DeLong.welchSatterthwaite(Double.NaN, 10, 0.1, 20)));
    }

    /** Both samples perfectly separated: variance 0, p 1 for equal AUCs, df undefined. */
    @Test
    void perfectSeparationOnBothSides() {
        double[] s = {0.1, 0.2, 0.8, 0.9};
        boolean[] y = {false, false, true, true};
        DeLongAuc a = DeLong.auc(s, y, null);
        AucComparison t = DeLong.unpaired("a", a, "b", a, 0.95);
        assertEquals(0.0, t.z());
        assertEquals(1.0, t.pValue());
        assertTrue(Double.isNaN(t.degreesOfFreedom()));
        assertEquals(0.0, t.differenceLower());
        assertEquals(0.0, t.differenceUpper());
    }

    /** Paired tests keep the normal reference: no degrees of freedom. */
    @Test
    void pairedTestsHaveNoDegreesOfFreedom() {
        JsonNode c = cases().findFirst().orElseThrow();
        AucComparison p = DeLong.paired(Fixtures.doubles(c.get("scores_a")), Fixtures.doubles(c.get("scores_b")),
                labels(c.get("labels_a")), null, 0.95);
        assertTrue(Double.isNaN(p.degreesOfFreedom()));
    }
}

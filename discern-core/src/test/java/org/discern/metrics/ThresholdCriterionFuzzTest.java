package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the threshold-criterion parser ({@code discern threshold --by SPEC}, the cost
 * criterion {@code cost:CFP:CFN[:PREVALENCE]} included): whatever the text, parsing either gives
 * a criterion or fails with an IllegalArgumentException naming the spec; a parsed criterion's
 * canonical {@link ThresholdCriterion#spec()} parses back to an equal criterion, and choosing a
 * threshold by it on a small table never throws. Regression inputs in
 * {@code src/test/resources/org/discern/metrics/ThresholdCriterionFuzzTestInputs/parse}; fuzz for
 * real with {@code JAZZER_FUZZ=1 mvn -pl discern-core test -Dtest=ThresholdCriterionFuzzTest}.
 */
class ThresholdCriterionFuzzTest {
    private static final OperatingPoints TABLE = OperatingPoints.of(new double[] {0.9, 0.8, 0.8, 0.4, 0.3, 0.1},
            new boolean[] {true, false, true, true, false, false}, new double[] {1, 2, 1, 0.5, 1, 3});
    private static final OperatingPoints ONE_CLASS = OperatingPoints.of(new double[] {0.9, 0.2},
            new boolean[] {true, true});

    @FuzzTest(maxDuration = "5m")
    void parse(FuzzedDataProvider data) {
        String spec = data.consumeRemainingAsString();
        ThresholdCriterion c;
        try {
            c = ThresholdCriterion.parse(spec);
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new AssertionError("an error without a message for '" + spec + "'", expected);
            }
            return;
        }
        assertEquals(c, ThresholdCriterion.parse(c.spec()), "'" + spec + "' -> '" + c.spec() + "'");
        Thresholds.best(TABLE, c);
        Thresholds.best(ONE_CLASS, c);
    }
}

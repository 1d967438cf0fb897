package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.discern.metrics.Fixtures;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The multi-class fixtures through Spark give the core's evaluation, in both layouts. */
class MulticlassOnSparkTest {

    static Stream<Arguments> cases() {
        return Fixtures.MULTICLASS.stream().flatMap(n -> Stream.of(Arguments.of(n, 1), Arguments.of(n, 7)));
    }

    @ParameterizedTest(name = "{0} in {1} partitions")
    @MethodSource("cases")
    void everyFixtureGivesTheCoreEvaluation(String name, int partitions) {
        SparkData.Multiclass m = SparkData.Multiclass.fixture(name);
        MulticlassEvaluation core = MulticlassEvaluation.of(m.labels(), m.rowMajor(), m.classes(), m.weights());
        double rel = m.weights() == null ? 0 : 1e-12;
        String weight = m.weights() == null ? null : "weight";

        MulticlassNumbers fromVectors = DiscernSpark.multiclass(m.vectors(partitions),
                MulticlassOptions.ofVector("label", "probability").withClasses(m.classes()).withWeight(weight));
        SameEvaluation.multiclass(core, fromVectors, rel, name + " vectors");

        MulticlassNumbers fromColumns = DiscernSpark.multiclass(m.columns(partitions),
                MulticlassOptions.ofColumns("label", m.classes()).withWeight(weight));
        SameEvaluation.multiclass(core, fromColumns, rel, name + " columns");
    }

    @Test
    void rowsOfWeightZeroAreNoRows() {
        // weights 0 on every 4th row, 0.5/1/1.5 otherwise (exact sums): the core's evaluation, warning included
        SparkData.Multiclass f = SparkData.Multiclass.fixture("multiclass_small_ties");
        double[] w = new double[f.labels().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 4 == 0 ? 0 : (i % 3 + 1) * 0.5;
        }
        SparkData.Multiclass m = new SparkData.Multiclass(f.labels(), f.scores(), f.classes(), w);
        MulticlassEvaluation core = MulticlassEvaluation.of(m.labels(), m.rowMajor(), m.classes(), w);
        assertEquals(true, core.warnings().get(0).contains("have weight 0"));
        MulticlassNumbers spark = DiscernSpark.multiclass(m.vectors(1).repartitionByRange(3,
                org.apache.spark.sql.functions.col("weight")),
                MulticlassOptions.ofVector("label", "probability").withClasses(m.classes()).withWeight("weight"));
        SameEvaluation.multiclass(core, spark, 1e-12, "weight 0 rows");
    }

    @Test
    void classesDefaultToIndicesFromTheVectorLength() {
        SparkData.Multiclass m = SparkData.Multiclass.fixture("multiclass_small_ties");
        MulticlassNumbers ev = DiscernSpark.multiclass(m.vectors(2), MulticlassOptions.ofVector("label",
                "probability"));
        assertEquals(java.util.List.of("0", "1", "2", "3", "4"), ev.classes());
    }

    @Test
    void aLabelThatIsNotAClassIsNamed() {
        SparkData.Multiclass m = SparkData.Multiclass.fixture("multiclass_small_ties");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiscernSpark.multiclass(
                m.columns(2), MulticlassOptions.ofColumns("label", m.classes()).withClasses(
                        java.util.List.of("ant", "bee", "cat", "dog", "emu"))));
        assertEquals(true, e.getMessage().startsWith("label column 'label' holds 'eel', which is not a class; "
                + "expected one of ant, bee, cat, dog, emu"), e.getMessage());
    }
}

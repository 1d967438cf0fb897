package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discern.metrics.Approx;
import org.discern.metrics.AucComparison;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.Fixtures;
import org.discern.metrics.ScoreHistogram;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;

/**
 * DeLong's variance and the paired DeLong test on Spark against pROC 1.18.0 (the aSAH fixture)
 * and the core, with the table on the driver and kept on the cluster; the bounded histogram; and
 * the errors for null and NaN values.
 */
class IntervalsOnSparkTest {

    @Test
    void deLongMatchesPRoc() {
        JsonNode proc = Fixtures.json("binary_asah_s100b_vs_wfns").get("expected").get("proc");
        Dataset<Row> ds = SparkData.Binary.fixture("binary_asah_s100b_vs_wfns").dataset(3);
        for (BinaryOptions o : new BinaryOptions[] {BinaryOptions.defaults(),
            BinaryOptions.defaults().withMaxDriverScores(1).withScoresPerRange(5)}) {
            DeLongAuc d = DiscernSpark.binary(ds, o).deLong();
            Approx.assertClose(proc.get("roc_auc_variance_delong").asDouble(), d.variance(), "variance");
            Approx.assertClose(proc.get("roc_auc_ci_delong_95").get(0).asDouble(), d.interval(0.95).lower(), "lower");
            Approx.assertClose(proc.get("roc_auc_ci_delong_95").get(1).asDouble(), d.interval(0.95).upper(), "upper");
        }
    }

    @Test
    void pairedTestMatchesPRocAndTheCore() {
        JsonNode t = Fixtures.json("binary_asah_s100b_vs_wfns").get("expected").get("proc").get("paired_test_delong");
        SparkData.Binary b = SparkData.Binary.fixture("binary_asah_s100b_vs_wfns");
        AucComparison core = DeLong.paired(b.scores(), b.scoresB(), b.labels(), null, 0.95);
        Dataset<Row> ds = b.dataset(3);
        for (BinaryOptions o : new BinaryOptions[] {BinaryOptions.defaults(),
            BinaryOptions.defaults().withMaxDriverScores(1).withScoresPerRange(5)}) {
            AucComparison c = DiscernSpark.pairedDeLong(ds, o, "score_b", 0.95);
            Approx.assertClose(t.get("z").asDouble(), c.z(), "z");
            Approx.assertClose(t.get("p_value").asDouble(), c.pValue(), "p");
            Approx.assertClose(t.get("covariance").asDouble(), c.covariance(), "covariance");
            Approx.assertClose(t.get("roc_auc_b").asDouble(), c.aucB(), "auc b");
            SameEvaluation.close(core.differenceLower(), c.differenceLower(), 1e-12, "difference lower");
            SameEvaluation.close(core.differenceUpper(), c.differenceUpper(), 1e-12, "difference upper");
            assertEquals("score", c.a());
            assertEquals("score_b", c.b());
        }
    }

    @Test
    void weightedPairedTestEqualsTheCore() {
        SparkData.Binary b = SparkData.Binary.fixture("binary_breast_cancer");
        double[] w = new double[b.scores().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + (i % 3) * 0.75;
        }
        SparkData.Binary weighted = new SparkData.Binary(b.scores(), b.labels(), w, b.scoresB());
        AucComparison core = DeLong.paired(b.scores(), b.scoresB(), b.labels(), w, 0.9);
        AucComparison c = DiscernSpark.pairedDeLong(weighted.dataset(4),
                BinaryOptions.defaults().withWeight("weight").withMaxDriverScores(1).withScoresPerRange(20),
                "score_b", 0.9);
        SameEvaluation.close(core.covariance(), c.covariance(), 1e-12, "covariance");
        SameEvaluation.close(core.z(), c.z(), 1e-12, "z");
        SameEvaluation.close(core.pValue(), c.pValue(), 1e-12, "p");
    }

    @Test
    void histogramBoundsHoldTheExactAuc() {
        SparkData.Binary b = SparkData.Binary.fixture("binary_fraudlike");
        Dataset<Row> ds = b.dataset(4);
        ScoreHistogram h = DiscernSpark.histogram(ds, BinaryOptions.defaults(), 0, 1, 100);
        ScoreHistogram whole = ScoreHistogram.of(b.scores(), b.labels(), null, 0, 1, 100);
        assertEquals(whole, h);
        double exact = DiscernSpark.binary(ds, BinaryOptions.defaults()).rocAuc();
        ScoreHistogram.AucBounds a = h.rocAuc();
        assertTrue(a.lower() <= exact && exact <= a.upper(), a + " vs " + exact);
        double shared = 0;
        double p = 0;
        double n = 0;
        for (int i = 0; i < h.bins(); i++) {
            shared += h.positiveWeight(i) * h.negativeWeight(i);
            p += h.positiveWeight(i);
            n += h.negativeWeight(i);
        }
        Approx.assertClose(shared / (p * n), a.width(), 1e-12, "width");
    }

    static Dataset<Row> rows(Object[]... values) {
        List<Row> rows = new ArrayList<>();
        for (Object[] v : values) {
            rows.add(RowFactory.create(v));
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType, true)
                .add("score", DataTypes.DoubleType, true).add("weight", DataTypes.DoubleType, true);
        return SparkSessions.get().createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void nullAndNaNAreClearErrorsNamingTheColumn() {
        String[] expected = {
            "score column 'score' has a null value",
            "score column 'score' holds NaN",
            "label column 'label' has a null value",
            "label column 'label' must hold 0 or 1 (or false and true), found 2.0",
            "weight column 'weight' must hold finite weights >= 0, found -1.0",
            "weight column 'weight' has a null value"};
        Object[][] bad = {
            {1.0, null, 1.0}, {0.0, Double.NaN, 1.0}, {null, 0.5, 1.0}, {2.0, 0.5, 1.0}, {1.0, 0.5, -1.0},
            {1.0, 0.5, null}};
        for (int i = 0; i < bad.length; i++) {
            Dataset<Row> ds = rows(new Object[] {1.0, 0.9, 1.0}, new Object[] {0.0, 0.1, 2.0}, bad[i]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DiscernSpark.binary(ds, BinaryOptions.defaults().withWeight("weight")));
            assertEquals(expected[i], e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiscernSpark.binary(rows(new Object[] {1.0, 0.9, 1.0}), BinaryOptions.of("label", "p")));
        assertEquals("no score column 'p'; the columns are: label, score, weight", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DiscernSpark.binary(rows(new Object[] {1.0, 0.9, 1.0}).limit(0), BinaryOptions.defaults()));
        assertEquals("no rows to evaluate: the dataset is empty", e.getMessage());
    }
}

package org.discern.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.MulticlassEvaluation;

/**
 * Side-by-side timing on one Spark application (docs/PERFORMANCE.md, section Spark): Discern's
 * exact binary evaluation against Spark's {@code BinaryClassificationEvaluator} (default
 * {@code numBins} and {@code numBins = 0}) on 1e7 fraud-like scores, each reported AUC against
 * the exact value (the core's, on the collected arrays); and the multi-class evaluation of 1e6 x
 * 25 probability vectors, with the tables on the driver and kept on the cluster, against Spark's
 * way to the one-vs-rest macro AUC (one exact binary evaluator per class). A size of 0 skips that
 * part. Not a test: run it alone, under the benchmark lock, from the repository root:
 *
 * <pre>
 * uptime; flock /tmp/discern-bench.lock mvn -q -pl discern-spark -am -P spark-local process-test-classes \
 *     -Dmain=org.discern.spark.SparkBench -Dspark.local.xmx=8g -Dargs="10000000 1000000 25"; uptime
 * </pre>
 *
 * Data is generated on the executors (hashes of the row id), cached and counted
 * before anything is timed; each measurement is one untimed run then three timed ones (median
 * and minimum, wall clock). Two optional arguments more: only the rows whose name contains a
 * text ({@code "numBins = 0"}; {@code all} for all), and the number of timed runs (default 3), e.g.
 * {@code -Dargs="10000000 0 25 'numBins = 0' 1"} (quote a text with spaces).
 */
public final class SparkBench {
    private static String only = "";
    private static int timed = 3;

    private SparkBench() {
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long nMulti = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        only = args.length > 3 && !args[3].equals("all") ? args[3] : "";
        timed = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        SparkSession spark = SparkSession.builder().appName("discern-spark-bench").getOrCreate();
        try {
            if (n > 0) {
                binary(spark, n);
            }
            if (nMulti > 0) {
                multiclass(spark, nMulti, k);
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * A uniform in [0, 1) from the row id and a seed (a hash, not a random-number generator:
     * the same in every branch of an expression, whatever Spark evaluates).
     */
    static Column uniform(int seed) {
        Column h = org.apache.spark.sql.functions.xxhash64(org.apache.spark.sql.functions.col("id"),
                org.apache.spark.sql.functions.lit(seed));
        return org.apache.spark.sql.functions.shiftrightunsigned(h, 11).cast("double").divide(9007199254740992.0);
    }

    /** A standard normal from two hashed uniforms (Box-Muller). */
    static Column normal(int seed) {
        Column u1 = org.apache.spark.sql.functions.lit(1.0).minus(uniform(seed));
        Column u2 = uniform(seed + 1000);
        return org.apache.spark.sql.functions.sqrt(org.apache.spark.sql.functions.log(u1).multiply(-2))
                .multiply(org.apache.spark.sql.functions.cos(u2.multiply(2 * Math.PI)));
    }

    /**
     * Fraud-like scores: 1% positives; logits N(-5, 1.5) for negatives and N(-1.5, 2) for
     * positives; score = the float32 sigmoid (as a model's float output), 10% of them rounded to
     * 4 decimals (ties across classes).
     */
    static Dataset<Row> binaryData(SparkSession spark, long n) {
        Column y = uniform(11).lt(0.01).cast("double");
        Column logit = org.apache.spark.sql.functions.when(y.equalTo(1.0), normal(12).multiply(2).minus(1.5))
                .otherwise(normal(13).multiply(1.5).minus(5));
        Column p = org.apache.spark.sql.functions.lit(1.0)
                .divide(org.apache.spark.sql.functions.exp(logit.multiply(-1)).plus(1)).cast("float").cast("double");
        Column rounded = org.apache.spark.sql.functions.when(uniform(14).lt(0.1),
                org.apache.spark.sql.functions.round(p, 4)).otherwise(p);
        return spark.range(0, n, 1, 2).select(y.as("label"), rounded.as("score"));
    }

    static void binary(SparkSession spark, long n) {
        Dataset<Row> data = binaryData(spark, n).persist(StorageLevel.MEMORY_ONLY());
        long count = data.count();
        // the reference: the core on the collected arrays (one array pair per partition, no Row objects)
        List<Object[]> parts = data.javaRDD().mapPartitions(it -> {
            double[] ps = new double[1024];
            boolean[] py = new boolean[1024];
            int m = 0;
            while (it.hasNext()) {
                Row r = it.next();
                if (m == ps.length) {
                    ps = Arrays.copyOf(ps, 2 * m);
                    py = Arrays.copyOf(py, 2 * m);
                }
                py[m] = r.getDouble(0) == 1;
                ps[m++] = r.getDouble(1);
            }
            return java.util.Collections.singletonList(new Object[] {Arrays.copyOf(ps, m), Arrays.copyOf(py, m)})
                    .iterator();
        }).collect();
        double[] s = new double[(int) count];
        boolean[] yv = new boolean[(int) count];
        int at = 0;
        for (Object[] p : parts) {
            double[] ps = (double[]) p[0];
            System.arraycopy(ps, 0, s, at, ps.length);
            System.arraycopy((boolean[]) p[1], 0, yv, at, ps.length);
            at += ps.length;
        }
        parts = null;
        BinaryEvaluation reference = BinaryEvaluation.of(s, yv);
        double auc = reference.rocAuc();
        System.out.printf(Locale.ROOT, "binary: %,d rows, %,d positive, %,d distinct scores, exact ROC AUC %.17g%n",
                count, reference.positiveRows(), reference.operatingPoints().size(), auc);
        reference = null;
        s = null;
        yv = null;

        BinaryOptions onDriver = BinaryOptions.defaults().withMaxDriverScores(1L << 24);
        BinaryOptions onCluster = BinaryOptions.defaults().withMaxDriverScores(1);
        row("Discern exact, table on the driver", auc,
                () -> DiscernSpark.binary(data, onDriver).rocAuc());
        row("Discern exact, table kept on the cluster", auc,
                () -> DiscernSpark.binary(data, onCluster).rocAuc());
        row("Discern default (" + BinaryOptions.DEFAULT_MAX_DRIVER_SCORES + " scores on the driver)", auc,
                () -> DiscernSpark.binary(data, BinaryOptions.defaults()).rocAuc());
        BinaryClassificationEvaluator binned = new BinaryClassificationEvaluator().setRawPredictionCol("score");
        row("Spark BinaryClassificationEvaluator, numBins = 1000 (default)", auc,
                () -> binned.evaluate(data));
        BinaryClassificationEvaluator exactSpark = new BinaryClassificationEvaluator().setRawPredictionCol("score")
                .setNumBins(0);
        row("Spark BinaryClassificationEvaluator, numBins = 0", auc, () -> exactSpark.evaluate(data));
        data.unpersist();
    }

    /** K-class softmax probabilities: logits N(0, 1) with the true class's raised by 1.5. */
    static Dataset<Row> multiclassData(SparkSession spark, long n, int k) {
        List<Column> logits = new ArrayList<>();
        Column y = org.apache.spark.sql.functions.floor(uniform(21).multiply(k));
        for (int c = 0; c < k; c++) {
            logits.add(org.apache.spark.sql.functions.exp(normal(100 + c)
                    .plus(org.apache.spark.sql.functions.when(y.equalTo(c), 1.5).otherwise(0.0))));
        }
        Column sum = logits.get(0);
        for (int c = 1; c < k; c++) {
            sum = sum.plus(logits.get(c));
        }
        Column[] probs = new Column[k];
        for (int c = 0; c < k; c++) {
            probs[c] = logits.get(c).divide(sum);
        }
        Dataset<Row> base = spark.range(0, n, 1, 2).select(y.cast("double").as("label"),
                org.apache.spark.sql.functions.array(probs).as("p"));
        return base.select(base.col("label"), functions.array_to_vector(base.col("p")).as("probability"));
    }

    static void multiclass(SparkSession spark, long n, int k) {
        Dataset<Row> data = multiclassData(spark, n, k).persist(StorageLevel.MEMORY_ONLY());
        long count = data.count();
        List<Object[]> parts = data.javaRDD().mapPartitions(it -> {
            List<Row> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            int[] py = new int[rows.size()];
            double[] ps = new double[rows.size() * k];
            for (int i = 0; i < py.length; i++) {
                py[i] = (int) rows.get(i).getDouble(0);
                System.arraycopy(((Vector) rows.get(i).get(1)).toArray(), 0, ps, i * k, k);
            }
            return java.util.Collections.singletonList(new Object[] {py, ps}).iterator();
        }).collect();
        int[] y = new int[(int) count];
        double[] s = new double[(int) count * k];
        int at = 0;
        for (Object[] p : parts) {
            int[] py = (int[]) p[0];
            System.arraycopy(py, 0, y, at, py.length);
            System.arraycopy((double[]) p[1], 0, s, at * k, py.length * k);
            at += py.length;
        }
        parts = null;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(Integer.toString(c));
        }
        MulticlassEvaluation reference = MulticlassEvaluation.of(y, s, names, null);
        double macro = reference.rocAucOvrMacro();
        System.out.printf(Locale.ROOT, "multi-class: %,d rows x %d classes, exact one-vs-rest macro ROC AUC %.17g,"
                + " one-vs-one %.17g%n", count, k, macro, reference.rocAucOvoMacro());
        // only the reference numbers stay on the driver while Discern and Spark run
        reference = null;
        s = null;
        y = null;
        // the range-partitioned path: a driver limit of 2^20 entries keeps the K tables on the cluster
        row("Discern exact multi-class, tables kept on the cluster (maxDriverEntries 2^20; every average, no curve)",
                macro, () -> DiscernSpark.multiclass(data, MulticlassOptions.ofVector("label", "probability")
                        .withMaxDriverEntries(1 << 20)).rocAucOvrMacro());
        row("Discern exact multi-class (every average, curves)", macro,
                () -> DiscernSpark.multiclass(data, MulticlassOptions.ofVector("label", "probability"))
                        .rocAucOvrMacro());
        row("Spark: K binary evaluators, numBins = 0, one-vs-rest macro", macro, () -> {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                Dataset<Row> ovr = data.select(data.col("label").equalTo(c).cast("double").as("label"),
                        functions.vector_to_array(data.col("probability"), "float64").getItem(c).as("score"));
                sum += new BinaryClassificationEvaluator().setRawPredictionCol("score").setNumBins(0).evaluate(ovr);
            }
            return sum / k;
        });
        data.unpersist();
    }

    static void row(String what, double exact, DoubleSupplier run) {
        if (!what.contains(only)) {
            return;
        }
        double value = run.getAsDouble();
        double[] times = new double[timed];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            value = run.getAsDouble();
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.2f (%.2f) | %.17g | %.2e |%n", what, sorted[sorted.length / 2], sorted[0], value,
                Math.abs(value - exact));
    }
}

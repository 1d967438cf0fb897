package org.discern.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.io.CurveCsv;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.Field;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.OperatingPoints;
import org.discern.report.HtmlReport;

/**
 * What {@link EvaluatePredictions} writes besides the JSON: a terminal table, and the report
 * directory. With the table on the driver the directory is {@code discern report}'s ({@link
 * HtmlReport}: report.html, metrics.json, curves, charts); with the table kept on the cluster it
 * holds metrics.json (exact) and, for binary data, the thinned curves (curves/roc.csv,
 * curves/pr.csv), written to a temporary directory beside it and moved into place.
 */
final class JobReport {
    private final BinaryEvaluation binary;
    private final BinaryEvaluation thinned;
    private final MulticlassEvaluation multiclass;
    private final String positive;
    private final double threshold;

    private JobReport(BinaryEvaluation binary, BinaryEvaluation thinned, MulticlassEvaluation multiclass,
            String positive, double threshold) {
        this.binary = binary;
        this.thinned = thinned;
        this.multiclass = multiclass;
        this.positive = positive;
        this.threshold = threshold;
    }

    static JobReport binary(SparkBinaryEvaluation e, String positive, double threshold) {
        OperatingPoints thin = e.operatingPoints().orElse(null);
        return new JobReport(e.evaluation().orElse(null),
                e.evaluation().isPresent() || thin == null ? null : BinaryEvaluation.of(thin), null, positive,
                threshold);
    }

    /** The report of a multi-class evaluation: metrics.json only when the tables stayed on the cluster. */
    static JobReport multiclass(MulticlassNumbers ev) {
        return new JobReport(null, null, ev instanceof MulticlassEvaluation e ? e : null, null, Double.NaN);
    }

    /** Writes the report directory; {@code json} becomes its metrics.json unchanged. */
    void write(Path dir, boolean force, String json, String input, String options) throws IOException {
        if (binary == null && multiclass == null) {
            writeThinned(dir, force, json);
            return;
        }
        HtmlReport.Builder b = HtmlReport.builder().title("Discern report: " + input).metricsJson(json)
                .provenance("input", input).provenance("options", options).provenance("engine", "Apache Spark");
        if (binary != null) {
            b.binary(binary, "not " + positive, positive).initialThreshold(threshold);
        } else {
            b.multiclass(multiclass);
        }
        try {
            b.build().write(dir, force);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("the report directory " + dir + " exists; use --force to replace it");
        }
    }

    private void writeThinned(Path dir, boolean force, String json) throws IOException {
        Path target = dir.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        try {
            Files.writeString(tmp.resolve("metrics.json"), json);
            if (thinned != null) {
                Files.createDirectories(tmp.resolve("curves"));
                CurveCsv.writeRoc(thinned.rocCurveAllThresholds(), tmp.resolve("curves/roc.csv"));
                CurveCsv.writePr(thinned.precisionRecallCurve(), tmp.resolve("curves/pr.csv"));
            }
            if (Files.exists(target)) {
                if (!force) {
                    throw new IllegalArgumentException("the report directory " + dir + " exists; use --force to "
                            + "replace it");
                }
                delete(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                delete(tmp);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    // structural keys of the summary JSON that are not one-line values
    private static final java.util.Set<String> NOT_IN_TABLE = java.util.Set.of(Field.TASK.key(), Field.N.key(),
            Field.WARNINGS.key(), Field.PER_CLASS.key(), Field.CLASSES.key(), Field.CONFUSION_MATRIX.key());

    private static String key(Metric m) {
        return MetricKey.of(m).key();
    }

    /** A plain-text table of the JSON's values, locale-independent. */
    static String table(JsonNode j, String input) {
        StringBuilder sb = new StringBuilder();
        sb.append(input).append(": ").append(j.get(Field.TASK.key()).asText()).append(", ")
                .append(value(j.get(Field.N.key()))).append(" rows\n\n");
        Iterator<Map.Entry<String, JsonNode>> it = j.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (NOT_IN_TABLE.contains(key)) {
                continue;
            }
            if (v.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> inner = v.fields();
                while (inner.hasNext()) {
                    Map.Entry<String, JsonNode> x = inner.next();
                    line(sb, key + "." + x.getKey(), x.getValue());
                }
            } else {
                line(sb, key, v);
            }
        }
        JsonNode per = j.get(Field.PER_CLASS.key());
        if (per != null) {
            sb.append(String.format(Locale.ROOT, "%n  %-20s %12s %10s %10s %10s %10s %10s%n", "class", "support",
                    Metric.PRECISION.header(), Metric.RECALL.header(), Metric.F1.header(), Metric.ROC_AUC.header(),
                    Metric.AVERAGE_PRECISION.header()));
            for (JsonNode c : per) {
                sb.append(String.format(Locale.ROOT, "  %-20s %12s %10s %10s %10s %10s %10s%n",
                        c.get(Field.CLASS.key()).asText(), value(c.get(Field.SUPPORT.key())), value(c.get(key(Metric.PRECISION))),
                        value(c.get(key(Metric.RECALL))), value(c.get(key(Metric.F1))), value(c.get(key(Metric.ROC_AUC))),
                        value(c.get(key(Metric.AVERAGE_PRECISION)))));
            }
        }
        for (JsonNode w : j.get(Field.WARNINGS.key())) {
            sb.append("warning: ").append(w.asText()).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, JsonNode v) {
        sb.append(String.format(Locale.ROOT, "  %-36s %s%n", key, value(v)));
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull()) {
            return "undefined";
        }
        if (n.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%,d", n.asLong());
        }
        if (n.isNumber()) {
            return String.format(Locale.ROOT, "%.6f", n.asDouble());
        }
        return n.asText();
    }
}

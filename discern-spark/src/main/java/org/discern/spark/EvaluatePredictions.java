package org.discern.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.discern.io.Layout;
import org.discern.io.InputException;
import org.discern.io.Json;
import org.discern.metrics.MulticlassNumbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code spark-submit} job: {@code discern evaluate} on a Spark cluster. Reads Parquet or CSV
 * predictions, evaluates them exactly (counts per distinct score on the executors; see
 * {@link DiscernSpark}), prints a table or the JSON of {@code discern evaluate --format json}, and
 * with {@code --out DIR} writes the report directory.
 */
@Command(name = "EvaluatePredictions",
        header = "Exact evaluation of predictions on Spark: the numbers of 'discern evaluate', from a cluster.",
        mixinStandardHelpOptions = true,
        versionProvider = EvaluatePredictions.Version.class,
        description = {
            "Evaluate binary or multi-class predictions held in Parquet or CSV files on Spark:",
            "exact ROC AUC (ties one half), average precision, PR areas, KS, log loss, Brier",
            "score and the confusion matrix at --threshold (binary), or per-class, macro,",
            "weighted, micro and one-vs-one AUCs and the argmax metrics (multi-class). With",
            "--format json it prints the JSON 'discern evaluate --format json' prints for the",
            "same rows. Layout: a numeric or text score column (binary), a vector or array",
            "score column (2 elements: binary, element 1; more: multi-class), or the CSV",
            "layouts of 'discern evaluate' (label + one score column per class)."},
        footer = {
            "",
            "Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input data.",
            "",
            "Examples:",
            "  spark-submit --class org.discern.spark.EvaluatePredictions discern-spark-job.jar \\",
            "      --input hdfs:///preds/ --label Class --score p --format json",
            "  spark-submit ... --input preds.parquet --score probability --ci delong --out report/",
            "  spark-submit ... --input preds.csv.gz --weight w --threshold 0.3 --max-fpr 0.1",
            "  spark-submit ... --input malware25.csv --top-k 1,3,5"})
public final class EvaluatePredictions implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE_OR_DIR", required = true,
            description = "Predictions: a Parquet file or directory, or CSV/TSV files with a header row "
                    + "(.gz compressed by extension); any path Spark reads (hdfs://, s3a://, ...).")
    String input;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "binary or multiclass (default: detected from the columns).")
    String layout;

    @Option(names = "--label", paramLabel = "COL", defaultValue = "label",
            description = "Column holding the true labels (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--score", paramLabel = "COL", defaultValue = "score",
            description = "Binary: the score column, higher = more likely positive; a vector or array column"
                    + " (Spark's probability or rawPrediction) gives element 1. Multi-class: a vector or array"
                    + " column of K scores (default: ${DEFAULT-VALUE}).")
    String score;

    @Option(names = "--weight", paramLabel = "COL",
            description = "Column holding sample weights (>= 0). Default: a column named 'weight' for"
                    + " multi-class input, else unweighted.")
    String weight;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Binary: label value of the positive class. Default: 1, or true/yes when the labels"
                    + " are two such values.")
    String positive;

    @Option(names = "--classes", paramLabel = "NAMES", split = ",",
            description = "Multi-class: the classes, in score order: the score columns to use (CSV layout), or the"
                    + " names of the vector's elements (default: every other column; 0..K-1).")
    List<String> classes;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Binary: decision threshold of the confusion matrix (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-fpr", paramLabel = "M",
            description = "Binary: also report the standardized partial ROC AUC up to this FPR, in (0, 1].")
    Double maxFpr;

    @Option(names = "--top-k", paramLabel = "K", split = ",", defaultValue = "2,3",
            description = "Multi-class: report top-K accuracy for each K (default: ${DEFAULT-VALUE}).")
    List<Integer> topK;

    @Option(names = "--ci", paramLabel = "METHOD",
            description = "Add confidence intervals: delong (ROC AUC and its variance; per class for"
                    + " multi-class input). The bootstrap is not available on Spark.")
    String ci;

    @Option(names = "--level", paramLabel = "L", description = "Confidence level of the intervals (default: 0.95).")
    Double level;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write the report directory (on the driver's file system): report.html,"
                    + " metrics.json (the JSON), curves and charts.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out directory.")
    boolean force;

    @Option(names = "--max-driver-scores", paramLabel = "N",
            description = "Binary: distinct scores up to which the whole table is brought to the driver (default: "
                    + BinaryOptions.DEFAULT_MAX_DRIVER_SCORES + "); above, areas are summed on the executors and"
                    + " the report's curves are thinned.")
    Long maxDriverScores;

    @Option(names = "--max-driver-entries", paramLabel = "N",
            description = "Multi-class: (score, class) entries up to which the tables are brought to the driver"
                    + " (default: " + MulticlassOptions.DEFAULT_MAX_DRIVER_ENTRIES + "); above, every number is summed"
                    + " over score ranges on the executors and --out holds metrics.json only (no curves).")
    Long maxDriverEntries;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    /** Runs the job in the Spark application of {@code spark-submit} (or {@code -Dspark.master=...}). */
    public static void main(String[] args) {
        int code;
        SparkSession spark = null;
        try {
            CommandLine probe = commandLine(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8));
            CommandLine.ParseResult parsed = null;
            try {
                parsed = probe.parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                // reported by run below, with the usage
            }
            boolean help = parsed != null && (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested());
            if (!help && parsed != null) {
                spark = SparkSession.builder().appName("discern-evaluate").getOrCreate();
            }
            code = run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
        System.exit(code);
    }

    /**
     * Runs the job in the active Spark session with injected writers (tests); returns the exit
     * code: 0 ok, 1 internal error, 2 usage, 3 bad input data.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new EvaluatePredictions());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            EvaluatePredictions job = commandLine.getCommand();
            Throwable cause = rootInputProblem(e);
            boolean input = cause instanceof InputException || cause instanceof IllegalArgumentException;
            commandLine.getErr().println("error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            if (job.verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return input ? 3 : 1;
        });
        return cl;
    }

    /** The data problem behind an exception (Spark wraps what executors throw), or the exception. */
    private static Throwable rootInputProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException || t instanceof IllegalArgumentException) {
                return t;
            }
        }
        return e;
    }

    @Override
    public Integer call() throws Exception {
        if (Double.isNaN(threshold)) {
            throw usage("--threshold must be a number, got NaN");
        }
        if (maxFpr != null && !(maxFpr > 0 && maxFpr <= 1)) {
            throw usage("--max-fpr must be in (0, 1], got " + maxFpr);
        }
        if (ci != null && !ci.equalsIgnoreCase("delong")) {
            throw usage("--ci must be delong on Spark (the bootstrap resamples rows on one machine), got '" + ci + "'");
        }
        if (level != null && ci == null) {
            throw usage("--level applies to intervals: add --ci delong");
        }
        double lvl = ci == null ? Double.NaN : level == null ? 0.95 : level;
        if (ci != null && !(lvl > 0 && lvl < 1)) {
            throw usage("--level must be in (0, 1), got " + lvl);
        }
        if (!format.equals("json") && !format.equals("table")) {
            throw usage("--format must be table or json, got '" + format + "'");
        }
        if (layout != null) {
            try {
                Layout.parse(layout);
            } catch (IllegalArgumentException e) {
                throw usage("--layout must be binary or multiclass, got '" + layout + "'");
            }
        }
        if (out != null && java.nio.file.Files.exists(out) && !force) {
            throw usage("the report directory " + out + " exists; use --force to replace it");
        }
        SparkSession spark = SparkSession.active();
        Dataset<Row> data = JobInput.read(spark, input);
        Layout task = JobInput.layout(data, input, layout, label, score, weight);
        PrintWriter o = spec.commandLine().getOut();
        ObjectNode json;
        JobReport report;
        if (task == Layout.BINARY) {
            for (String multiOnly : new String[] {"--classes", "--top-k", "--max-driver-entries"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(multiOnly)) {
                    throw usage(multiOnly + " applies to multi-class predictions only; " + input
                            + " holds binary predictions");
                }
            }
            // the columns first, so that a message lists the input's columns only
            ColumnReader.of(data.schema(), label, "label");
            ColumnReader.of(data.schema(), score, "score");
            if (weight != null) {
                ColumnReader.of(data.schema(), weight, "weight");
            }
            Map.Entry<Dataset<Row>, String> labeled = JobInput.binaryLabels(data, input, label, positive);
            BinaryOptions options = BinaryOptions.of(JobInput.LABEL, score).withWeight(weight)
                    .withThresholds(threshold);
            if (maxFpr != null) {
                options = options.withMaxFpr(maxFpr);
            }
            if (maxDriverScores != null) {
                options = options.withMaxDriverScores(maxDriverScores);
            }
            SparkBinaryEvaluation e = DiscernSpark.binary(labeled.getKey(), options);
            json = JobJson.binary(e, labeled.getValue(), threshold, maxFpr == null ? Double.NaN : maxFpr, lvl);
            report = JobReport.binary(e, labeled.getValue(), threshold);
        } else if (task == Layout.MULTICLASS) {
            for (String binaryOnly : new String[] {"--threshold", "--max-fpr", "--positive", "--max-driver-scores"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(binaryOnly)) {
                    throw usage(binaryOnly + " applies to binary predictions only; " + input
                            + " holds multi-class predictions");
                }
            }
            int[] ks = topK.stream().mapToInt(Integer::intValue).toArray();
            for (int k : ks) {
                if (k < 1) {
                    throw usage("--top-k values must be >= 1, got " + k);
                }
            }
            String w = weight != null ? weight : List.of(data.columns()).contains("weight") ? "weight" : null;
            MulticlassOptions options;
            ColumnReader s = List.of(data.columns()).contains(score) ? ColumnReader.of(data.schema(), score, "score")
                    : null;
            if (s != null && !s.scalar()) {
                options = MulticlassOptions.ofVector(label, score);
                if (classes != null) {
                    options = options.withClasses(classes);
                }
            } else {
                options = MulticlassOptions.ofColumns(label, JobInput.classColumns(data, label, weight, classes));
            }
            if (maxDriverEntries != null) {
                options = options.withMaxDriverEntries(maxDriverEntries);
            }
            MulticlassNumbers ev = DiscernSpark.multiclass(data, options.withWeight(w));
            json = JobJson.multiclass(ev, ks, lvl);
            report = JobReport.multiclass(ev);
        } else {
            throw usage(input + " holds multi-label predictions; the Spark job evaluates binary and multi-class"
                    + " predictions (use 'discern evaluate' for multi-label)");
        }
        String text = Json.toText(json);
        if (format.equals("json")) {
            o.print(text);
        } else {
            o.print(JobReport.table(json, input));
        }
        o.flush();
        if (out != null) {
            report.write(out, force, text, input, options());
            o.println("report: " + out.resolve("report.html"));
            o.flush();
        }
        return 0;
    }

    private String options() {
        StringBuilder sb = new StringBuilder("--label ").append(label).append(" --score ").append(score);
        if (weight != null) {
            sb.append(" --weight ").append(weight);
        }
        if (positive != null) {
            sb.append(" --positive ").append(positive);
        }
        sb.append(" --threshold ").append(threshold);
        if (maxFpr != null) {
            sb.append(" --max-fpr ").append(maxFpr);
        }
        if (ci != null) {
            sb.append(" --ci delong");
        }
        return sb.toString();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The version of the job jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EvaluatePredictions.class.getPackage().getImplementationVersion();
            return new String[] {"discern-spark " + (v == null ? "dev" : v)};
        }
    }
}

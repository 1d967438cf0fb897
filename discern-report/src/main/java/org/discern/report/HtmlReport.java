package org.discern.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.discern.io.OutputDirectory;
import org.discern.io.OutputException;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.FoldEvaluation;
import org.discern.metrics.MulticlassCalibration;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.RocBand;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.SummaryOptions;
import org.discern.metrics.ThresholdCriterion;
import org.discern.report.internal.Fmt;

/**
 * The self-contained HTML report and its directory.
 *
 * <p>The page's summary shows the values of an {@link EvaluationSummary} (given with
 * {@link Builder#summary}, else core's default summary of the evaluation) under their labels
 * and keys, with their intervals: the same values under the same keys as {@code metrics.json}
 * when that is the summary's JSON. The report computes no metric of its own: numbers, curves,
 * the macro-average ROC, the reliability bins and the threshold sweep all come from core.
 *
 * <p>{@link #write(Path, boolean)} writes {@code DIR/report.html}, {@code DIR/metrics.json} (the
 * JSON text given by the caller, unchanged), curve CSVs under {@code DIR/curves/} and chart images
 * (PNG and SVG) under {@code DIR/charts/}. The directory appears whole or not at all, never over
 * or around the input ({@link OutputDirectory}); an existing {@code DIR} is replaced only with
 * {@code force}, and only when Discern wrote it.
 *
 * <p>{@code report.html} works offline: its styles, script and data are inline and it makes no
 * network request. It is built in four parts: {@link PageModel} decides what the page shows (from
 * the summary and core's curves, operating points and {@code Thresholds}), {@link PageData} writes
 * the model's data as JSON for the script, {@link PageHtml} writes the HTML through an escaping
 * builder, and {@link ReportCharts} is the one list of chart images (drawing and file index).
 * The page's script draws core's ROC and PR curves (log-FPR / log-recall axes, zoom, pan), and at
 * the chosen threshold (a slider spaced by score, a number box, arrow keys one distinct threshold,
 * the criteria's markers) shows the counts of the embedded rows of core's operating-point table
 * and their ratios as {@code ConfusionMatrix} defines them: what {@code discern evaluate
 * --threshold T} prints. Every distinct score is embedded up to {@link Builder#maxEmbeddedRows}
 * rows per curve; above, the page says when a typed threshold falls between embedded rows. Every
 * user-supplied string is escaped for its context (HTML text, attribute, SVG, JSON in a script
 * element).
 *
 * <p><b>Many classes.</b> A page of 16,000 classes is still written, in seconds, with limits on
 * what is drawn: curves (the page's interactive ones, the images and the curve CSVs) for at most
 * {@value #MAX_CLASS_CURVES} classes, the most frequent of those with both positives and negatives
 * (ties: lower class index first; all classes when there are at most that many); the confusion
 * matrix (table and images) for at most {@value #MAX_CONFUSION_CLASSES} classes; metrics.json shown
 * in the page up to {@value #MAX_EMBEDDED_JSON} characters. The summary and the per-class table
 * list every class; the page says what is left out and where to find it.
 *
 * <p>The same inputs give the same bytes, apart from the time stamp (from the injected
 * {@link Clock}).
 */
public final class HtmlReport {
    /** Curves are drawn for at most this many classes (the most frequent). */
    static final int MAX_CLASS_CURVES = 50;
    /** Share of positives at or below which a binary report also draws roc_logfpr.png (rare positives). */
    static final double RARE = 0.05;
    /** The confusion matrix is drawn (table and images) for at most this many classes. */
    static final int MAX_CONFUSION_CLASSES = 50;
    /** metrics.json is shown in the page up to this many characters (it is always written). */
    static final int MAX_EMBEDDED_JSON = 1 << 20;

    private final Builder b;
    // what the page shows: sections' numbers, curves, embedded rows, markers
    private final PageModel model;
    // the chart images: drawn by write(...) and listed in the page's file index
    private final ChartSet charts;
    private final String html;

    private HtmlReport(Builder b) {
        this.b = b;
        this.model = PageModel.of(b);
        this.charts = ReportCharts.of(model);
        this.html = PageHtml.render(model, charts.files(), PageData.json(model));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The page, as written to {@code report.html}. */
    public String html() {
        return html;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the report directory as a whole (through {@link OutputDirectory}) and returns the path
     * of {@code report.html} in it.
     *
     * @param dir the report directory to create
     * @param force whether an existing {@code dir} may be replaced: only a directory Discern wrote
     *     (it holds {@value OutputDirectory#MARKER}) or an empty one
     * @throws OutputException when {@code dir} exists and {@code force} is false, is not replaceable,
     *     holds the input file (also through a symbolic link), or when writing fails; nothing is
     *     left behind and an existing {@code dir} is unchanged
     */
    public Path write(Path dir, boolean force) throws IOException {
        return OutputDirectory.write(dir, force, "report", this::writeInto, b.input).resolve("report.html");
    }

    private void writeInto(Path dir) throws IOException {
        Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.json"), b.metricsJson == null ? "{}\n" : b.metricsJson,
                StandardCharsets.UTF_8);
        CurveCsvs.write(model, Files.createDirectories(dir.resolve("curves")));
        if (!charts.charts().isEmpty()) {
            charts.writeInto(Files.createDirectories(dir.resolve("charts")), b.progress);
        }
    }

    // ---------------------------------------------------------------- builder

    /** Collects the report's inputs; {@link #build()} checks them and renders the page. */
    public static final class Builder {
        String title = "Discern report";
        boolean binary;
        List<String> classes;
        final List<BinaryEvaluation> evaluations = new ArrayList<>();
        BinaryEvaluation micro;
        MulticlassEvaluation multiclass;
        MultilabelEvaluation multilabel;
        double[][] confusion;
        int totalRows;
        EvaluationSummary summary;
        final List<String> warnings = new ArrayList<>();
        final Map<String, String> provenance = new LinkedHashMap<>();
        Path input;
        String inputSize;
        String inputSha256;
        String version = "dev";
        Clock clock = Clock.systemUTC();
        String metricsJson;
        double[] scores;
        boolean[] labels;
        boolean images = true;
        int maxRows = PageModel.BINARY_ALL_ROWS;
        double initialThreshold = Double.NaN;
        ReportProgress progress = ReportProgress.NONE;
        RocBand band;
        // the threshold markers: human name -> criterion, in order
        final Map<String, ThresholdCriterion> criteria = defaultCriteria();
        // sections other features add to the page, before the file index (see PageHtml.sections)
        final List<PageHtml.Section> sections = new ArrayList<>();

        private Builder() {
        }

        /** Slices of the rows ({@code --group}): a forest plot and a table per grouping. */
        public Builder slices(List<SliceEvaluation> groupings) {
            List<SliceEvaluation> copy = List.copyOf(groupings);
            if (!copy.isEmpty()) {
                sections.add(h -> SlicesSection.render(h, summary(), copy)); // issue 16: report --group
            }
            return this;
        }

        /** Cross-validation folds ({@code --fold}): fold curves, their average and bands, a table; or null. */
        public Builder folds(FoldEvaluation evaluation) {
            if (evaluation != null) {
                sections.add(h -> FoldsSection.render(h, evaluation)); // issue 16: report --fold
            }
            return this;
        }

        /**
         * Per-class reliability diagrams with Wilson bars (multi-class probabilities), or nothing
         * when {@code calibration} is null.
         *
         * @param classes the class names, in column order
         * @param level level of the bins' Wilson intervals
         */
        public Builder calibration(MulticlassCalibration calibration, List<String> classes, double level) {
            if (calibration != null) {
                List<String> names = List.copyOf(classes);
                sections.add(h -> ReliabilitySection.render(h, calibration, names, level)); // issue 16: calibration
            }
            return this;
        }

        /** The decision curve section (binary probabilities) on {@link DecisionCurve#DEFAULT_GRID}, or nothing for null. */
        public Builder decisionCurve(DecisionCurve curve) {
            if (curve != null) {
                sections.add(h -> DecisionSection.render(h, curve)); // issue 16: decision curves
            }
            return this;
        }

        /** Page title; default "Discern report". */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * A binary report.
         *
         * @param evaluation the evaluation of the positive class's scores
         * @param negativeName display name of the negative class (e.g. "0")
         * @param positiveName display name of the positive class (e.g. "1")
         */
        public Builder binary(BinaryEvaluation evaluation, String negativeName, String positiveName) {
            this.binary = true;
            this.multiclass = null;
            this.multilabel = null;
            this.summary = null;
            this.classes = List.of(Objects.requireNonNull(negativeName, "negativeName"),
                    Objects.requireNonNull(positiveName, "positiveName"));
            this.evaluations.clear();
            this.evaluations.add(Objects.requireNonNull(evaluation, "evaluation"));
            this.totalRows = evaluation.rows();
            return this;
        }

        /**
         * A multi-class report of bare one-vs-rest evaluations: curves, the per-class table and the
         * confusion matrix, but no summary of averages (there is no multi-class evaluation to take
         * them from; use {@link #multiclass(MulticlassEvaluation)} for those).
         *
         * @param classNames class names, k &gt;= 2
         * @param oneVsRest per class, the evaluation of its score column against "this class or not"
         * @param confusion k x k counts of the arg-max prediction (confusion[true][predicted]), or null
         */
        public Builder multiclass(List<String> classNames, List<BinaryEvaluation> oneVsRest, double[][] confusion) {
            if (classNames.size() < 2 || classNames.size() != oneVsRest.size()) {
                throw new IllegalArgumentException("classNames and oneVsRest must have one size >= 2, got "
                        + classNames.size() + " and " + oneVsRest.size());
            }
            if (confusion != null && confusion.length != classNames.size()) {
                throw new IllegalArgumentException("confusion must have " + classNames.size() + " rows, got "
                        + confusion.length);
            }
            this.binary = false;
            this.multiclass = null;
            this.multilabel = null;
            this.summary = null;
            this.classes = List.copyOf(classNames);
            this.evaluations.clear();
            this.evaluations.addAll(oneVsRest);
            this.totalRows = oneVsRest.get(0).rows();
            if (confusion != null) {
                this.confusion = new double[confusion.length][];
                for (int i = 0; i < confusion.length; i++) {
                    if (confusion[i].length != classNames.size()) {
                        throw new IllegalArgumentException("confusion[" + i + "] must have " + classNames.size()
                                + " columns, got " + confusion[i].length);
                    }
                    this.confusion[i] = confusion[i].clone();
                }
            }
            return this;
        }

        /**
         * A multi-class report from Discern's evaluation: per-class one-vs-rest tables, the arg-max
         * confusion matrix, and its summary (core's default one unless {@link #summary} gives
         * another); the ROC image also shows the micro- and macro-average curves.
         */
        public Builder multiclass(MulticlassEvaluation evaluation) {
            List<BinaryEvaluation> evs = new ArrayList<>();
            for (int c = 0; c < evaluation.classCount(); c++) {
                evs.add(evaluation.classEvaluation(c));
            }
            // the per-class numbers come from the evaluation; a dense matrix only when it is drawn
            multiclass(evaluation.classes(), evs, evaluation.classCount() <= MAX_CONFUSION_CLASSES
                    ? evaluation.confusionMatrix().counts() : null);
            this.multiclass = evaluation;
            this.totalRows = evaluation.rows();
            return this;
        }

        /**
         * A multi-label report from Discern's evaluation: one curve per label (the label against its
         * absence), the per-label table, and its summary (core's default one unless {@link #summary}
         * gives another); the ROC image also shows the micro- and macro-average curves. There is no
         * confusion matrix: each label is its own binary task.
         */
        public Builder multilabel(MultilabelEvaluation evaluation) {
            List<BinaryEvaluation> evs = new ArrayList<>();
            for (int c = 0; c < evaluation.labelCount(); c++) {
                evs.add(evaluation.labelEvaluation(c));
            }
            multiclass(evaluation.labels(), evs, null);
            this.multilabel = evaluation;
            this.totalRows = evaluation.rows();
            return this;
        }

        /** The micro-average (all (sample, class) pairs pooled) of a multi-class report; optional. */
        public Builder microAverage(BinaryEvaluation pooled) {
            this.micro = pooled;
            return this;
        }

        /**
         * The evaluation summary the page's summary shows (the same values, under the same keys, as
         * its JSON in {@code metrics.json}), with its intervals and warnings. Default: core's
         * summary of the binary or multi-class evaluation with default options; none for bare
         * one-vs-rest evaluations.
         *
         * @throws IllegalArgumentException when its task is not that of the report
         */
        public Builder summary(EvaluationSummary summary) {
            Objects.requireNonNull(summary, "summary");
            if (classes == null) {
                throw new IllegalStateException("call binary(...) or multiclass(...) before summary(...)");
            }
            EvaluationSummary.Task task = binary ? EvaluationSummary.Task.BINARY
                    : multilabel != null ? EvaluationSummary.Task.MULTILABEL : EvaluationSummary.Task.MULTICLASS;
            if (summary.task() != task) {
                throw new IllegalArgumentException("summary must be of a " + task.key() + " task, got "
                        + summary.task().key());
            }
            this.summary = summary;
            return this;
        }

        /** A warning to show (in addition to those of the evaluations). */
        public Builder warning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /**
         * The input file: its name, size and SHA-256 go into the provenance. Standard input
         * ({@code -}), a pipe or a device was read once as a stream and is not read again.
         */
        public Builder input(Path file) throws IOException {
            this.input = file;
            boolean stream = file.toString().equals("-") || !Files.isRegularFile(file);
            this.inputSize = stream ? "unknown (read as a stream)" : Long.toString(Files.size(file));
            this.inputSha256 = stream ? "not computed (read as a stream, once)" : sha256(file);
            return this;
        }

        /** A provenance entry (options, seed...), shown in insertion order after the input's. */
        public Builder provenance(String key, String value) {
            provenance.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Discern's version for the provenance; default "dev". */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The clock of the time stamp; default the system clock (UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The JSON written to {@code metrics.json} (and shown in the page), e.g. {@code evaluate --format json}. */
        public Builder metricsJson(String json) {
            this.metricsJson = json;
            return this;
        }

        /**
         * The raw scores and labels of a binary report, for the score-distribution and calibration
         * images; optional.
         */
        public Builder scores(double[] scores, boolean[] labels) {
            if (scores.length != labels.length) {
                throw new IllegalArgumentException("scores and labels must have one length, got "
                        + scores.length + " and " + labels.length);
            }
            this.scores = scores.clone();
            this.labels = labels.clone();
            return this;
        }

        /** Whether to write the PNG/SVG chart images; default true. */
        public Builder images(boolean images) {
            this.images = images;
            return this;
        }

        /**
         * Rows of the operating-point table embedded per curve, at most about; default 100,000
         * (every distinct score of most binary files: every threshold is exact on the page).
         * Multi-class and multi-label reports share a budget of 50,000 rows over all curves (at
         * least 300 each), so the page stays under 5 MB. Above the budget a curve embeds
         * representative rows plus the rows at every hundredth of its score range (so a threshold
         * typed with two decimals is exact) and at its markers.
         */
        public Builder maxEmbeddedRows(int rows) {
            if (rows < 10) {
                throw new IllegalArgumentException("rows must be >= 10, got " + rows);
            }
            this.maxRows = rows;
            return this;
        }

        /**
         * The threshold the page opens at (e.g. the one of the confusion matrix in metrics.json);
         * default 0.5 when the scores are probabilities, else the KS threshold.
         *
         * @throws IllegalArgumentException when NaN
         */
        public Builder initialThreshold(double threshold) {
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("threshold must not be NaN");
            }
            this.initialThreshold = threshold;
            return this;
        }

        /**
         * The ROC confidence band of a binary report (pROC's {@code ci.se}: the bootstrap interval
         * of the sensitivity at fixed specificities), drawn on the page's ROC curve; optional.
         */
        public Builder rocBand(RocBand band) {
            this.band = Objects.requireNonNull(band, "band");
            return this;
        }

        /**
         * The threshold markers on the page's curves: each criterion's best threshold per class,
         * chosen by core's {@code Thresholds}, shown under its name and clickable. Replaces the
         * default markers (Youden's J, max F1, min cost with unit costs, precision at recall
         * &gt;= 0.9).
         *
         * @param markers name shown -&gt; criterion, in order
         */
        public Builder markers(Map<String, ThresholdCriterion> markers) {
            criteria.clear();
            criteria.putAll(markers);
            return this;
        }

        /**
         * The costs of the cost-optimal marker (default 1 each): the threshold of least expected
         * cost {@code costFp * FP + costFn * FN}, as {@code threshold --by cost --cost-fp --cost-fn}
         * chooses it. Keeps the other markers and the order.
         */
        public Builder costs(double costFp, double costFn) {
            ThresholdCriterion cost = ThresholdCriterion.MinCost.of(costFp, costFn);
            Map<String, ThresholdCriterion> m = new LinkedHashMap<>();
            criteria.forEach((name, c) -> {
                if (c instanceof ThresholdCriterion.MinCost) {
                    m.put("min cost (FP " + Fmt.count(costFp) + ", FN " + Fmt.count(costFn) + ")", cost);
                } else {
                    m.put(name, c);
                }
            });
            return markers(m);
        }

        private static Map<String, ThresholdCriterion> defaultCriteria() {
            Map<String, ThresholdCriterion> m = new LinkedHashMap<>();
            m.put("Youden's J", ThresholdCriterion.parse("youden"));
            m.put("max F1", ThresholdCriterion.parse("f1"));
            m.put("min cost (FP 1, FN 1)", ThresholdCriterion.parse("cost"));
            m.put("max precision at recall \u2265 0.9", ThresholdCriterion.parse("recall:0.9"));
            return m;
        }

        /** Where {@link HtmlReport#write} reports drawing and writing (default: nowhere). */
        public Builder progress(ReportProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Checks the inputs and renders the report. */
        public HtmlReport build() {
            if (classes == null) {
                throw new IllegalStateException("call binary(...) or multiclass(...) first");
            }
            return new HtmlReport(this);
        }

        double support(int i) {
            if (binary) {
                OperatingPoints op = evaluations.get(0).operatingPoints();
                return i == 1 ? op.positiveRows() : op.negativeRows();
            }
            return evaluations.get(i).positiveRows();
        }

        /**
         * The classes whose curves are drawn, ascending: every class (the positive class of a binary
         * report) up to {@link #MAX_CLASS_CURVES} classes, else the most frequent with both
         * positives and negatives.
         */
        int[] drawnClasses() {
            if (binary) {
                return new int[] {1};
            }
            int k = classes.size();
            if (k <= MAX_CLASS_CURVES) {
                return java.util.stream.IntStream.range(0, k).toArray();
            }
            return java.util.stream.IntStream.range(0, k)
                    .filter(c -> evaluations.get(c).operatingPoints().positives() > 0
                            && evaluations.get(c).operatingPoints().negatives() > 0)
                    .boxed()
                    .sorted((x, y) -> x.equals(y) ? 0 : support(x) != support(y)
                            ? Double.compare(support(y), support(x)) : Integer.compare(x, y))
                    .limit(MAX_CLASS_CURVES)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
        }

        /** The summary given, else core's default summary of the evaluation (null for bare one-vs-rest evaluations). */
        EvaluationSummary summary() {
            if (summary != null) {
                return summary;
            }
            if (binary) {
                SummaryOptions o = SummaryOptions.defaults();
                return EvaluationSummary.binary(evaluations.get(0),
                        Double.isNaN(initialThreshold) ? o : o.withThreshold(initialThreshold));
            }
            if (multilabel != null) {
                return EvaluationSummary.multilabel(multilabel, SummaryOptions.defaults());
            }
            return multiclass == null ? null : EvaluationSummary.multiclass(multiclass, SummaryOptions.defaults());
        }

        List<String> allWarnings(EvaluationSummary summary) {
            List<String> all = new ArrayList<>(warnings);
            if (summary != null) {
                all.addAll(summary.warnings());
                return all;
            }
            for (int i = 0; i < evaluations.size(); i++) {
                for (String w : evaluations.get(i).warnings()) {
                    all.add(binary ? w : "class " + classes.get(i) + ": " + w);
                }
            }
            return all;
        }

        Map<String, String> provenance(EvaluationSummary summary) {
            Map<String, String> p = new LinkedHashMap<>();
            if (input != null) {
                p.put("input file", input.toString().equals("-") ? "standard input" : input.getFileName().toString());
                p.put("input size (bytes)", inputSize);
                p.put("input SHA-256", inputSha256);
            }
            p.put("rows", Integer.toString(totalRows));
            p.put("Discern version", version);
            p.putAll(provenance);
            EvaluationSummary.Intervals in = summary == null ? null : summary.intervals().orElse(null);
            if (in != null && in.bootstrap()) {
                p.put("bootstrap", "replicates " + in.replicates() + ", seed " + in.seed());
            }
            p.put("generated", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            return p;
        }

        private static String sha256(Path file) throws IOException {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}

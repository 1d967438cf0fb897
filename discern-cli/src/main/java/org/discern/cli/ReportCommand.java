package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.OutputDirectory;
import org.discern.io.Predictions;
import org.discern.io.ScoreMatrix;
import org.discern.io.SliceJson;
import org.discern.io.SummaryJson;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.Bootstrap;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.CalibrationBinning;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.MulticlassCalibration;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;
import org.discern.metrics.SummaryOptions;
import org.discern.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern report}: the self-contained HTML report, metrics JSON, curve CSVs and charts. */
@Command(name = "report",
        header = "Write the interactive single-file HTML report, charts and metrics.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Evaluate binary or multi-class predictions (every input 'evaluate' reads: CSV/TSV,",
            "gzip, a NumPy .npy pair or .npz) and write a report directory: report.html (one",
            "offline page with interactive ROC and PR curves, a threshold slider and the live",
            "confusion matrix), metrics.json (as 'evaluate --format json'), curve CSVs and chart",
            "images (PNG, SVG). Prints the path of report.html.",
            "Multi-class input gets one-vs-rest curves per class, multi-label input one curve per",
            "label; --class NAME reports one class or label against the rest. --threshold sets",
            "where the page's threshold slider starts (every class); --max-fpr is a binary",
            "number and is refused for multi-class and multi-label input (use --class NAME).",
            "--group COL adds a Slices section (a forest plot of each slice's ROC AUC",
            "with its --ci interval, a sortable table with the test against the rest);",
            "--fold COL a Folds section (each fold's ROC and PR curve thin, their average",
            "thick, the bands shaded); metrics.json then holds 'slices' and 'folds' as",
            "'evaluate' writes them.",
            "Probabilities add a Decision curve section (binary: net benefit of the model, treat",
            "all and treat none at pt = 0.01..0.99; --ci bootstrap adds the model's band) and a",
            "Calibration per class section (multi-class: reliability diagrams with Wilson bars,",
            "top-label and class-wise ECE; the 30 classes of largest ECE beyond 30 classes)."},
        footer = {
            "",
            "Examples:",
            "  discern report preds.csv --out report/",
            "  discern report preds.csv.gz --label Class --score p --positive 1 --out fraud-report --force",
            "  discern report --labels y_true.npy --scores y_score.npy --class-names names.txt --out rep/",
            "  discern report malware25.csv --class Adialer.C --out adialer-report",
            "  discern report malware25.csv --threshold 0.3 --ci delong --out malware-report",
            "  discern report fraud.csv --cost-fp 1 --cost-fn 50 --out fraud-report",
            "  discern report tags.csv --layout multilabel --out tags-report",
            "  discern report preds.csv --group sex --group region --ci delong --out fairness-report",
            "  discern report cv_preds.csv --fold fold --out cv-report",
            "  discern report preds.csv --ci bootstrap --seed 7 --out report/   # decision curve with its band"})
public final class ReportCommand implements Callable<Integer> {
    /** Clock of the report's time stamp; tests replace it. */
    static Clock clock = Clock.systemUTC();

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    TopKOption topK;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Report directory to create.")
    Path out;

    @Option(names = "--force", description = "Replace DIR if it is a report directory discern wrote (it holds a"
            + " .discern file) or empty; never a file, a device or any other directory.")
    boolean force;

    @Option(names = "--threshold", paramLabel = "T", converter = OptionBounds.Threshold.class, defaultValue = "0.5",
            description = "Threshold of the confusion matrix in metrics.json (binary), and where the page's"
                    + " threshold slider starts for every class (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-fpr", paramLabel = "M", converter = OptionBounds.MaxFpr.class,
            description = "Also report the standardized partial ROC AUC up to this FPR, in (0, 1] (binary).")
    Double maxFpr;

    @Option(names = "--cost-fp", paramLabel = "C", converter = OptionBounds.Cost.class,
            description = "Cost of a false positive, for the page's cost-optimal threshold marker (default 1).")
    Double costFp;

    @Option(names = "--cost-fn", paramLabel = "C", converter = OptionBounds.Cost.class,
            description = "Cost of a false negative, for the page's cost-optimal threshold marker (default 1).")
    Double costFn;

    @Option(names = "--ci", paramLabel = "METHOD",
            description = "Add confidence intervals as 'evaluate --ci' does: delong or bootstrap (binary).")
    IntervalMethod ci;

    @Mixin
    IntervalOptions intervals;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the page (default: the input file name).")
    String title;

    @Option(names = "--no-images", negatable = false, description = "Do not write the PNG/SVG chart images.")
    boolean noImages;

    @Mixin
    SliceOptions slicing;

    @Mixin
    VerboseOption verbose;

    /** Progress of the steps after reading (computing, drawing, writing) on standard error. */
    private Progress progress;

    @Override
    public Integer call() throws Exception {
        // refuse an unusable --out (exists without --force, holds an input...) before the long work
        OutputDirectory.check(out, force, input.inputs());
        slicing.groupings(); // fail on a bad --group or --min-slice before reading the file
        // started before reading: the steps after a long read are announced at once
        progress = Progress.to(spec.commandLine().getErr());
        Predictions read = input.chosenClass(InputOptions.read(slicing.spec(input.spec(spec.commandLine().getErr()))));
        progress.step("computing the evaluation", 0, 1);
        // --threshold is honoured everywhere (where the slider starts); a partial AUC is a binary number
        input.refuseBinaryOnly(read, "--max-fpr");
        if (read instanceof MultiLabelPredictions ml) {
            return multilabel(ml);
        }
        if (read instanceof MultiClassPredictions mc) {
            return multiclass(mc);
        }
        BinaryPredictions p = (BinaryPredictions) read;
        BinaryEvaluation ev = BinaryEvaluation.of(p.scores(), p.labels(), p.weights());
        // the same summary as 'evaluate' with these options; metrics.json is its JSON
        SummaryOptions options = SummaryOptions.defaults().withPositiveLabel(p.positiveLabel()).withThreshold(threshold)
                .withMaxFpr(maxFpr == null ? Double.NaN : maxFpr);
        EvaluationSummary summary = Summaries.binary(ev, p, options, ci, intervals);
        String negative = negativeName(p.labelValues(), p.positiveLabel());
        HtmlReport.Builder b = sliced(common().binary(ev, negative, p.positiveLabel()).summary(summary), summary,
                Slicing.of(p, slicing, options, ci, intervals)).initialThreshold(threshold);
        if (!p.weighted()) {
            b.scores(p.scores(), p.labels());
        }
        if (ev.scoresAreProbabilities()) {
            // with --ci bootstrap the model's band: the seed and replicates of the other intervals
            double[] grid = DecisionCurve.grid(DecisionCurve.DEFAULT_GRID);
            b.decisionCurve(ci == IntervalMethod.BOOTSTRAP
                    ? DecisionCurve.bootstrap(p.scores(), p.labels(), p.weights(), intervals.bootstrap(grid.length), grid)
                    : DecisionCurve.of(ev.operatingPoints(), grid));
        }
        if (ci == IntervalMethod.BOOTSTRAP) {
            // the page's ROC band (pROC's ci.se): the same replicates and seed as the intervals
            b.rocBand(Bootstrap.rocBand(p.scores(), p.labels(), p.weights(), bandSpecificities(),
                    intervals.bootstrap()));
        }
        return write(b);
    }

    private HtmlReport.Builder common() throws java.io.IOException {
        HtmlReport.Builder b = HtmlReport.builder();
        if (costFp != null || costFn != null) {
            // the cost-optimal marker with the costs given (as threshold --by cost --cost-fp --cost-fn)
            b.costs(costFp == null ? 1 : costFp, costFn == null ? 1 : costFn); // bounded by OptionBounds.Cost
        }
        return b
                .progress(progress)
                .title(title != null ? title : "Discern report: " + input.mainFile().getFileName())
                .input(input.mainFile())
                .version(VersionProvider.version())
                .clock(clock)
                .provenance("options", options())
                .images(!noImages);
    }

    private Integer multiclass(MultiClassPredictions p) throws Exception {
        MulticlassEvaluation ev = Evaluations.multiclass(p);
        // the same summary as 'evaluate' with these options; metrics.json is its JSON
        SummaryOptions options = SummaryOptions.defaults().withTopK(topK.values());
        EvaluationSummary summary = Summaries.multiclass(ev, p, options, ci, intervals);
        return write(sliced(common().multiclass(ev).calibration(calibration(p), p.classNames(),
                BootstrapOptions.DEFAULT_LEVEL).summary(summary), summary,
                Slicing.of(p, slicing, options, ci, intervals)).initialThreshold(threshold));
    }

    /**
     * Per-class and top-label calibration in 10 uniform bins when every score is a probability in
     * [0, 1] (the page's "Calibration per class" section), else null. Reads the scores in place:
     * no n x K copy (16,000 classes must fit the heap of {@code ManyClassesCliTest}).
     */
    static MulticlassCalibration calibration(MultiClassPredictions p) {
        ScoreMatrix s = p.scores();
        for (int i = 0; i < s.rows(); i++) {
            for (int c = 0; c < s.columns(); c++) {
                double v = s.get(i, c);
                if (!(v >= 0 && v <= 1)) {
                    return null;
                }
            }
        }
        return MulticlassCalibration.of(s.rows(), s.columns(), s::get, p.labels(), p.weights(), 10,
                CalibrationBinning.UNIFORM);
    }

    /** Multi-label: one curve per label; options 'evaluate' refuses for multi-label input are refused here too. */
    private Integer multilabel(MultiLabelPredictions p) throws Exception {
        if (ci != null) {
            throw new UsageException("--ci applies to binary and multi-class predictions; " + p.source()
                    + " holds multilabel predictions");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--top-k")) {
            throw new UsageException("--top-k applies to multi-class predictions only; " + p.source()
                    + " holds multilabel predictions");
        }
        MultilabelEvaluation ev = Evaluations.multilabel(p);
        EvaluationSummary summary = EvaluationSummary.multilabel(ev, SummaryOptions.defaults());
        return write(sliced(common().multilabel(ev).summary(summary), summary,
                Slicing.of(p, slicing, SummaryOptions.defaults(), null, intervals)).initialThreshold(threshold));
    }

    /** The slices and folds on the page, and metrics.json: the summary's JSON, with them as 'evaluate' writes it. */
    private static HtmlReport.Builder sliced(HtmlReport.Builder b, EvaluationSummary summary, Slicing s) {
        return b.slices(s.groupings()).folds(s.folds().orElse(null)).metricsJson(s.any()
                ? SliceJson.toText(summary, s.groupings(), s.folds()) : SummaryJson.toText(summary));
    }

    private Integer write(HtmlReport.Builder b) throws Exception {
        HtmlReport report = b.build();
        progress.step("computing the evaluation", 1, 1);
        Path html = report.write(out, force);
        PrintWriter o = spec.commandLine().getOut();
        o.println(html);
        o.flush();
        return ExitCodes.OK;
    }

    private String options() {
        StringBuilder sb = new StringBuilder(input.describe());
        sb.append(sb.length() == 0 ? "" : " ").append("--threshold ").append(threshold);
        if (maxFpr != null) {
            sb.append(" --max-fpr ").append(maxFpr);
        }
        if (ci != null) {
            sb.append(" --ci ").append(ci.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (slicing.groups != null) {
            slicing.groups.forEach(g -> sb.append(" --group ").append(g));
        }
        if (slicing.minSlice != null) {
            sb.append(" --min-slice ").append(slicing.minSlice);
        }
        if (slicing.fold != null) {
            sb.append(" --fold ").append(slicing.fold);
        }
        return sb.toString();
    }

    /**
     * Specificities of the ROC band, descending (FPR ascending): every hundredth, and the round
     * rates 1, 2 and 5 per 100 down to per 100,000 where rare events are decided.
     */
    static double[] bandSpecificities() {
        java.util.TreeSet<Double> fpr = new java.util.TreeSet<>();
        for (int k = 0; k <= 100; k++) {
            fpr.add(k / 100.0);
        }
        for (int e = 2; e <= 5; e++) {
            for (int m : new int[] {1, 2, 5}) {
                fpr.add(Double.parseDouble(m + "e-" + e));
            }
        }
        return fpr.stream().mapToDouble(f -> 1 - f).toArray();
    }

    static String negativeName(List<String> labelValues, String positive) {
        if (labelValues.size() == 2) {
            return labelValues.get(0).equals(positive) ? labelValues.get(1) : labelValues.get(0);
        }
        return "not " + positive;
    }
}

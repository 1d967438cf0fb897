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
import org.discern.io.SummaryJson;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
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
            "number and is refused for multi-class and multi-label input (use --class NAME)."},
        footer = {
            "",
            "Examples:",
            "  discern report preds.csv --out report/",
            "  discern report preds.csv.gz --label Class --score p --positive 1 --out fraud-report --force",
            "  discern report --labels y_true.npy --scores y_score.npy --class-names names.txt --out rep/",
            "  discern report malware25.csv --class Adialer.C --out adialer-report",
            "  discern report malware25.csv --threshold 0.3 --ci delong --out malware-report",
            "  discern report tags.csv --layout multilabel --out tags-report"})
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

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Threshold of the confusion matrix in metrics.json (binary), and where the page's"
                    + " threshold slider starts for every class (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-fpr", paramLabel = "M",
            description = "Also report the standardized partial ROC AUC up to this FPR, in (0, 1] (binary).")
    Double maxFpr;

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
    VerboseOption verbose;

    /** Progress of the steps after reading (computing, drawing, writing) on standard error. */
    private Progress progress;

    @Override
    public Integer call() throws Exception {
        if (Double.isNaN(threshold)) {
            throw new UsageException("--threshold must be a number, got NaN");
        }
        // refuse an unusable --out (exists without --force, holds an input...) before the long work
        OutputDirectory.check(out, force, input.inputs());
        // started before reading: the steps after a long read are announced at once
        progress = Progress.to(spec.commandLine().getErr());
        Predictions read = input.read(spec.commandLine().getErr());
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
        if (maxFpr != null && !(maxFpr > 0 && maxFpr <= 1)) {
            throw new UsageException("--max-fpr must be in (0, 1], got " + maxFpr);
        }
        // the same summary as 'evaluate' with these options; metrics.json is its JSON
        SummaryOptions options = SummaryOptions.defaults().withPositiveLabel(p.positiveLabel()).withThreshold(threshold)
                .withMaxFpr(maxFpr == null ? Double.NaN : maxFpr);
        EvaluationSummary summary = Summaries.binary(ev, p, options, ci, intervals);
        String negative = negativeName(p.labelValues(), p.positiveLabel());
        HtmlReport.Builder b = common().binary(ev, negative, p.positiveLabel()).summary(summary)
                .metricsJson(SummaryJson.toText(summary)).initialThreshold(threshold);
        if (!p.weighted()) {
            b.scores(p.scores(), p.labels());
        }
        return write(b);
    }

    private HtmlReport.Builder common() throws java.io.IOException {
        return HtmlReport.builder()
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
        EvaluationSummary summary = Summaries.multiclass(ev, p, SummaryOptions.defaults().withTopK(topK.values()), ci, intervals);
        return write(common().multiclass(ev).summary(summary).metricsJson(SummaryJson.toText(summary))
                .initialThreshold(threshold));
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
        return write(common().multilabel(ev).summary(summary).metricsJson(SummaryJson.toText(summary))
                .initialThreshold(threshold));
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
        return sb.toString();
    }

    static String negativeName(List<String> labelValues, String positive) {
        if (labelValues.size() == 2) {
            return labelValues.get(0).equals(positive) ? labelValues.get(1) : labelValues.get(0);
        }
        return "not " + positive;
    }
}

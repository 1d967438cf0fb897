package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryJson;
import org.discern.io.BinaryPredictions;
import org.discern.io.Json;
import org.discern.metrics.BinaryEvaluation;
import org.discern.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern report}: the self-contained HTML report, metrics JSON, curve CSVs and charts. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Evaluate predictions like 'evaluate' and write a report directory: report.html (one",
            "offline page with interactive ROC and PR curves, a threshold slider and the live",
            "confusion matrix), metrics.json (as 'evaluate --format json'), curve CSVs and chart",
            "images (PNG, SVG). Prints the path of report.html."},
        footer = {
            "",
            "Examples:",
            "  discern report preds.csv --out report/",
            "  discern report preds.csv.gz --label Class --score p --positive 1 --out fraud-report --force"})
public final class ReportCommand implements Callable<Integer> {
    /** Clock of the report's time stamp; tests replace it. */
    static Clock clock = Clock.systemUTC();

    @Spec
    CommandSpec spec;

    @Mixin
    BinaryInputOptions input;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Report directory to create.")
    Path out;

    @Option(names = "--force", description = "Replace DIR if it exists.")
    boolean force;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Threshold of the confusion matrix in metrics.json (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the page (default: the input file name).")
    String title;

    @Option(names = "--no-images", negatable = false, description = "Do not write the PNG/SVG chart images.")
    boolean noImages;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (Double.isNaN(threshold)) {
            throw new UsageException("--threshold must be a number, got NaN");
        }
        if (java.nio.file.Files.exists(out) && !force) {
            throw new UsageException("the report directory " + out + " exists; use --force to replace it");
        }
        BinaryPredictions p = input.read(spec.commandLine().getErr());
        BinaryEvaluation ev = BinaryEvaluation.of(p.scores(), p.labels(), p.weights());
        ObjectNode json = BinaryJson.of(ev, p.positiveLabel(), threshold, Double.NaN);
        String negative = negativeName(p.labelValues(), p.positiveLabel());
        HtmlReport.Builder b = HtmlReport.builder()
                .title(title != null ? title : "Discern report: " + input.file().getFileName())
                .binary(ev, negative, p.positiveLabel())
                .metricsJson(Json.toText(json))
                .input(input.file())
                .version(VersionProvider.version())
                .clock(clock)
                .provenance("options", options())
                .images(!noImages);
        if (!p.weighted()) {
            b.scores(p.scores(), p.labels());
        }
        Path html;
        try {
            html = b.build().write(out, force);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("the report directory " + out + " exists; use --force to replace it");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(html);
        o.flush();
        return ExitCodes.OK;
    }

    private String options() {
        StringBuilder sb = new StringBuilder();
        sb.append("--label ").append(input.label).append(" --score ").append(input.score);
        if (input.weight != null) {
            sb.append(" --weight ").append(input.weight);
        }
        if (input.positive != null) {
            sb.append(" --positive ").append(input.positive);
        }
        sb.append(" --threshold ").append(threshold);
        return sb.toString();
    }

    static String negativeName(List<String> labelValues, String positive) {
        if (labelValues.size() == 2) {
            return labelValues.get(0).equals(positive) ? labelValues.get(1) : labelValues.get(0);
        }
        return "not " + positive;
    }
}

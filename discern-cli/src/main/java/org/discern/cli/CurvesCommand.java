package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.CurveCsv;
import org.discern.metrics.BinaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern curves}: ROC, PR and DET curves as CSV files. */
@Command(name = "curves",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write the ROC (threshold,fpr,tpr), precision-recall (threshold,precision,recall) and",
            "DET (threshold,fpr,fnr) curves as CSV files into --out. Thresholds descending, the",
            "first one 'inf'. The ROC curve drops collinear points unless --all-thresholds."},
        footer = {
            "",
            "Examples:",
            "  discern curves preds.csv --out curves/",
            "  discern curves preds.csv --all-thresholds --out curves/"})
public final class CurvesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BinaryInputOptions input;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory to write roc.csv, pr.csv and det.csv into (created if missing).")
    Path out;

    @Option(names = "--all-thresholds",
            description = "Keep one ROC point per distinct score (default: drop collinear points, as scikit-learn).")
    boolean allThresholds;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out must be a directory, but " + out + " is a file");
        }
        BinaryPredictions p = input.read(spec.commandLine().getErr());
        BinaryEvaluation ev = BinaryEvaluation.of(p.scores(), p.labels(), p.weights());
        Files.createDirectories(out);
        Path in = input.file();
        CurveCsv.writeRoc(allThresholds ? ev.rocCurveAllThresholds() : ev.rocCurve(), out.resolve("roc.csv"), in);
        CurveCsv.writePr(ev.precisionRecallCurve(), out.resolve("pr.csv"), in);
        CurveCsv.writeDet(ev.detCurve(), out.resolve("det.csv"), in);
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + out.resolve("roc.csv") + ", " + out.resolve("pr.csv") + ", " + out.resolve("det.csv"));
        ev.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        o.flush();
        return ExitCodes.OK;
    }
}

package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import java.util.ArrayList;
import java.util.List;

import org.discern.io.BinaryPredictions;
import org.discern.io.ClassCurveFiles;
import org.discern.io.CurveCsv;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.Predictions;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;
import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern curves}: ROC, PR and DET curves as CSV files. */
@Command(name = "curves",
        header = "Write the ROC, precision-recall and DET curves as CSV files.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write the ROC (threshold,fpr,tpr), precision-recall (threshold,precision,",
            "recall) and DET (threshold,fpr,fnr) curves as CSV files into --out.",
            "Thresholds descending, the first one 'inf'. The ROC curve drops collinear",
            "points unless --all-thresholds.",
            "Multi-class and multi-label input: roc_<class>.csv and pr_<class>.csv per",
            "class, roc_micro.csv, roc_macro.csv (fpr,tpr) and index.csv mapping class",
            "names to files (names made safe for file names). A class absent from the",
            "labels has no curves and no files (index.csv lists it with an empty file).",
            "--class NAME writes the binary curves of one class against the rest instead."},
        footer = {
            "",
            "Examples:",
            "  discern curves preds.csv --out curves/",
            "  discern curves preds.csv --all-thresholds --out curves/",
            "  discern curves --labels y_true.npy --scores y_score.npy --class-names names.txt --out curves/",
            "  discern curves malware25.csv --class Adialer.C --out adialer/"})
public final class CurvesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory to write roc.csv, pr.csv and det.csv into (created if missing); all files"
                    + " are written or none, never over an input.")
    Path out;

    @Option(names = "--all-thresholds",
            description = "Keep one ROC point per distinct score (default: drop collinear points, as scikit-learn).")
    boolean allThresholds;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out must be a directory, but " + out + " is not one");
        }
        // binary curves are walked from the evaluation's table and streamed to the files, so
        // nothing reads the rows: the reader may evaluate them as it reads and keep none, and no
        // curve is held (1e8 rows in -Xmx2g: docs/PERFORMANCE.md). --class picks a class of
        // multi-class rows, which must then be kept
        boolean evaluationOnly = input.className() == null;
        Predictions read = input.chosenClass(InputOptions.read(
                input.spec(spec.commandLine().getErr()).toBuilder().evaluationOnly(evaluationOnly).build()));
        Path[] in = input.inputs();
        PrintWriter o = spec.commandLine().getOut();
        if (!(read instanceof BinaryPredictions p)) {
            multi(read, in, o);
            return ExitCodes.OK;
        }
        BinaryEvaluation ev = p.evaluation();
        CurveCsv.writeAll(out, ev, allThresholds, in);
        o.println("wrote " + out.resolve("roc.csv") + ", " + out.resolve("pr.csv") + ", " + out.resolve("det.csv"));
        ev.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        o.flush();
        return ExitCodes.OK;
    }

    private void multi(Predictions read, Path[] in, PrintWriter o) throws Exception {
        List<String> names;
        List<RocCurve> roc = new ArrayList<>();
        List<PrecisionRecallCurve> pr = new ArrayList<>();
        RocCurve micro;
        RocCurve macro;
        boolean defined = false;
        List<String> warnings;
        if (read instanceof MultiClassPredictions mc) {
            MulticlassEvaluation ev = Evaluations.multiclass(mc);
            names = ev.classes();
            for (int c = 0; c < ev.classCount(); c++) {
                BinaryEvaluation e = ev.classEvaluation(c);
                boolean absent = e.operatingPoints().positives() == 0;
                roc.add(absent ? null : allThresholds ? e.rocCurveAllThresholds() : ev.rocCurve(c));
                pr.add(absent ? null : ev.precisionRecallCurve(c));
                defined |= !Double.isNaN(ev.rocAuc(c));
            }
            micro = ev.rocCurveMicro();
            macro = defined ? ev.rocCurveMacro() : null;
            warnings = read.inputRows().renameRows(ev.warnings()); // the rows dropped were told when read
        } else {
            MultilabelEvaluation ev = Evaluations.multilabel((MultiLabelPredictions) read);
            names = ev.labels();
            for (int c = 0; c < ev.labelCount(); c++) {
                BinaryEvaluation e = ev.labelEvaluation(c);
                boolean absent = e.operatingPoints().positives() == 0;
                roc.add(absent ? null : allThresholds ? e.rocCurveAllThresholds() : ev.rocCurve(c));
                pr.add(absent ? null : ev.precisionRecallCurve(c));
                defined |= !Double.isNaN(ev.rocAuc(c));
            }
            micro = ev.rocCurveMicro();
            macro = defined ? ev.rocCurveMacro() : null;
            warnings = read.inputRows().renameRows(ev.warnings()); // the rows dropped were told when read
        }
        List<Path> written = ClassCurveFiles.write(out, names, roc, pr, micro, macro, in);
        o.println("wrote " + written.size() + " files into " + out + " (see " + out.resolve("index.csv") + ")");
        warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        o.flush();
    }
}

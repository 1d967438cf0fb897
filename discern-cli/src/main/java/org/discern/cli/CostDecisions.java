package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.discern.io.ClassPriors;
import org.discern.io.CostMatrixCsv;
import org.discern.io.DecisionJson;
import org.discern.io.InputException;
import org.discern.io.Json;
import org.discern.io.MultiClassPredictions;
import org.discern.io.Predictions;
import org.discern.metrics.CostDecision;
import org.discern.metrics.CostMatrix;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.metrics.PriorShiftCalibrator;

/**
 * {@code discern threshold FILE --cost-matrix costs.csv [--priors ...] [--train-priors ...]}:
 * the Bayes decision of every row of a multi-class file (core's {@link CostDecision}), written
 * as a table or JSON.
 */
final class CostDecisions {
    /** Confusion matrices are printed in the table up to this many classes (JSON always has them). */
    static final int TABLE_MAX_CLASSES = 12;

    private CostDecisions() {
    }

    /**
     * Decides the rows of {@code p} by the costs of {@code costFile}, after the prior correction
     * when {@code priors} is given.
     */
    static void run(Predictions p, Path costFile, String priors, String trainPriors, boolean json, PrintWriter out)
            throws IOException {
        if (!(p instanceof MultiClassPredictions m)) {
            throw new UsageException("--cost-matrix decides among the classes of multi-class predictions (one "
                    + "probability column per class, without --class); " + p.source() + " holds " + p.describe()
                    + (p.layout() == org.discern.io.Layout.BINARY
                            ? " (for two classes: --by cost --cost-fp C --cost-fn C)" : ""));
        }
        List<String> classes = m.classNames();
        CostMatrix costs = CostMatrixCsv.read(costFile, classes);
        PriorShiftCalibrator shift = null;
        if (priors != null) {
            double[] target = priors("--priors", priors, classes);
            double[] training = trainPriors != null ? priors("--train-priors", trainPriors, classes)
                    : labelFrequencies(m);
            try {
                shift = PriorShiftCalibrator.of(training, target);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--priors: " + e.getMessage());
            }
        }
        CostDecision d;
        try {
            d = CostDecision.of(m.labels(), m.scores().toDoubleArray(), m.weights(), costs, shift);
        } catch (IllegalArgumentException e) {
            throw new InputException(p.source(), 0, null, "decisions by cost take class probabilities"
                    + (shift == null ? " (finite, >= 0)" : " in [0, 1] (for the prior correction)") + ": "
                    + e.getMessage(), e);
        }
        if (json) {
            Json.write(InputWarnings.addTo(DecisionJson.costDecision(d, m.hasWeights()), p), out);
        } else {
            out.print(table(p.source(), costFile.toString(), d));
            out.flush();
        }
    }

    /** Inline priors ({@code a=0.1,b=0.9}) or the file they name. */
    static double[] priors(String option, String spec, List<String> classes) throws InputException {
        if (spec.indexOf('=') < 0) {
            return ClassPriors.read(Path.of(spec), classes);
        }
        try {
            return ClassPriors.parse(spec, classes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /**
     * The default training priors: the (weighted) label frequencies of the file, i.e. the file is
     * taken to have the class balance the model was trained at.
     */
    static double[] labelFrequencies(MultiClassPredictions m) {
        double[] f = new double[m.classCount()];
        double total = 0;
        for (int i = 0; i < m.size(); i++) {
            double w = m.weight(i);
            f[m.label(i)] += w;
            total += w;
        }
        for (int c = 0; c < f.length; c++) {
            if (!(f[c] > 0)) {
                throw new UsageException("--priors: class '" + m.className(c) + "' has no rows in " + m.source()
                        + ", so its training prior is unknown; give the training priors with --train-priors");
            }
            f[c] /= total;
        }
        return f;
    }

    static String table(String file, String costFile, CostDecision d) {
        StringBuilder sb = new StringBuilder();
        List<String> classes = d.costs().classes();
        sb.append(file).append(": ").append(DecisionJson.COST_RULE).append('\n');
        sb.append(String.format(Locale.ROOT, "costs: %s (%d classes; rows = true class, columns = decided class)%n",
                costFile, classes.size()));
        PriorShiftCalibrator shift = d.priorShift();
        if (shift != null) {
            sb.append("probabilities corrected from the training priors to the target priors: p'(c) ~ p(c) * "
                    + "target(c) / training(c)\n");
            double[] training = shift.trainingPriors();
            double[] target = shift.targetPriors();
            int w = nameWidth(classes);
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s %12s %12s%n", "class", "training", "target"));
            for (int c = 0; c < classes.size(); c++) {
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s %12s %12s%n", classes.get(c),
                        ThresholdCommand.number(training[c]), ThresholdCommand.number(target[c])));
            }
        }
        sb.append('\n');
        String row = "%-12s %16s %16s%n";
        sb.append(String.format(Locale.ROOT, row, "", "least cost", "argmax"));
        sb.append(String.format(Locale.ROOT, row, "total cost", ThresholdCommand.count(d.totalCost()),
                ThresholdCommand.count(d.argmaxTotalCost())));
        sb.append(String.format(Locale.ROOT, row, "mean cost", ThresholdCommand.number(d.meanCost()),
                ThresholdCommand.number(d.argmaxMeanCost())));
        sb.append(String.format(Locale.ROOT, row, "accuracy", ThresholdCommand.number(d.confusion().accuracy()),
                ThresholdCommand.number(d.argmaxConfusion().accuracy())));
        if (classes.size() <= TABLE_MAX_CLASSES) {
            matrix(sb, "least-cost decisions", d.confusion());
            matrix(sb, "argmax decisions", d.argmaxConfusion());
        } else {
            sb.append(String.format(Locale.ROOT, "%nconfusion matrices of %d classes: see --format json%n",
                    classes.size()));
        }
        if (!d.warnings().isEmpty()) {
            sb.append('\n');
            for (String warning : d.warnings()) {
                sb.append("warning: ").append(warning).append('\n');
            }
        }
        return sb.toString();
    }

    private static void matrix(StringBuilder sb, String title, MulticlassConfusionMatrix cm) {
        List<String> classes = cm.classes();
        int w = nameWidth(classes);
        int cw = 8;
        for (String c : classes) {
            cw = Math.max(cw, c.length() + 1);
        }
        for (int t = 0; t < classes.size(); t++) {
            for (int p = 0; p < classes.size(); p++) {
                cw = Math.max(cw, ThresholdCommand.count(cm.count(t, p)).length() + 1);
            }
        }
        sb.append(String.format(Locale.ROOT, "%nconfusion matrix, %s (rows = true class, columns = decided class):%n",
                title));
        sb.append(String.format(Locale.ROOT, "  %-" + w + "s", ""));
        for (String c : classes) {
            sb.append(String.format(Locale.ROOT, "%" + cw + "s", c));
        }
        sb.append('\n');
        for (int t = 0; t < classes.size(); t++) {
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s", classes.get(t)));
            for (int p = 0; p < classes.size(); p++) {
                sb.append(String.format(Locale.ROOT, "%" + cw + "s", ThresholdCommand.count(cm.count(t, p))));
            }
            sb.append('\n');
        }
    }

    private static int nameWidth(List<String> classes) {
        int w = 5;
        for (String c : classes) {
            w = Math.max(w, c.length());
        }
        return w;
    }
}

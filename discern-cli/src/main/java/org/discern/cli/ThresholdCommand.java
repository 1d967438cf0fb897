package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryPredictions;
import org.discern.io.DecisionJson;
import org.discern.io.Json;
import org.discern.metrics.Field;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.ThresholdChoice;
import org.discern.metrics.ThresholdCriterion;
import org.discern.metrics.Thresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern threshold}: the best threshold by a named criterion, or by all of them. */
@Command(name = "threshold",
        header = "Choose a decision threshold by a criterion (Youden, F1, cost, ...).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Choose a decision threshold (positive iff score >= threshold) by a criterion:",
            "  youden          max sensitivity + specificity - 1",
            "  closest         min distance of (FPR, TPR) to (0, 1)",
            "  f1, fbeta:B     max F1 / F-beta",
            "  mcc             max Matthews correlation",
            "  cost            min expected cost per case, with --cost-fp, --cost-fn (default 1 each)",
            "                  and optionally the deployment --prevalence",
            "  precision:P     highest recall with precision >= P",
            "  recall:R        highest precision with recall >= R",
            "  specificity:S   highest sensitivity with specificity >= S",
            "  sensitivity:S   highest specificity with sensitivity >= S",
            "  budget:Q        flag at most Q%% (budget:5%%), a share (budget:0.05) or K cases (budget:100);",
            "                  tied scores at the cut-off are left out, never exceeding the budget",
            "Candidates are every distinct score and 'inf' (flag nothing); among equally good ones the",
            "highest threshold wins. A constraint nobody meets gives an undefined threshold and a warning.",
            "Without --by, a table of: " + ThresholdCommand.ALL_TEXT + ".",
            "Multi-class or multi-label input: choose the class with --class NAME (one against the rest).",
            "",
            "Multi-class decisions by cost (--cost-matrix FILE): every row gets the class j of least",
            "expected cost sum_i p(i) * cost(i, j) (i = true class, j = decided class; the first such",
            "class on ties, as argmax takes the first maximum); shown: its confusion matrix and realised",
            "total and mean cost (weighted), beside argmax's under the same costs. The file: a header",
            "whose first cell is free text, then the classes of FILE in any order; one row per true",
            "class; costs finite and >= 0; a non-zero diagonal (a correct decision that costs) is",
            "allowed and warned. --priors first corrects the probabilities to target class priors pi':",
            "p'(c) = p(c) pi'(c)/pi(c) / sum_j p(j) pi'(j)/pi(j), where pi are the priors the model was",
            "trained at: --train-priors, by default the (weighted) label frequencies of FILE (right when",
            "FILE is a sample at the training balance, e.g. a validation split)."},
        footer = {
            "",
            "Examples:",
            "  discern threshold preds.csv --by youden",
            "  discern threshold fraud.csv --by cost --cost-fp 1 --cost-fn 50 --prevalence 0.002 --format json",
            "  discern threshold preds.csv --by precision:0.9",
            "  discern threshold preds.csv",
            "  discern threshold malware25.csv --class Adialer.C --by f1",
            "  discern threshold animals.csv --cost-matrix costs.csv",
            "  discern threshold animals.csv --cost-matrix costs.csv --priors cat=0.2,dog=0.7,fox=0.1 --format json",
            "  discern threshold animals.csv --cost-matrix costs.csv --priors target.csv --train-priors train.csv",
            "  discern threshold animals.csv --cost-matrix costs.csv --prior-correct cat=0.2,dog=0.7,fox=0.1"})
public final class ThresholdCommand implements Callable<Integer> {
    static final List<String> ALL = List.of("youden", "closest", "f1", "fbeta:2", "mcc", "cost", "precision:0.9",
            "recall:0.9", "specificity:0.95", "sensitivity:0.95");
    static final String ALL_TEXT = "youden, closest, f1, fbeta:2, mcc, cost, precision:0.9, recall:0.9, "
            + "specificity:0.95, sensitivity:0.95";

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--by", paramLabel = "CRITERION", description = "The criterion (see above). Default: all.")
    String by;

    @Option(names = "--cost-fp", paramLabel = "C", converter = OptionBounds.Cost.class, description = "Cost of a false positive, for 'cost' (default 1).")
    Double costFp;

    @Option(names = "--cost-fn", paramLabel = "C", converter = OptionBounds.Cost.class, description = "Cost of a false negative, for 'cost' (default 1).")
    Double costFn;

    @Option(names = "--prevalence", paramLabel = "P", converter = OptionBounds.Prevalence.class,
            description = "Deployment prevalence in [0, 1] for 'cost' (default: the file's own).")
    Double prevalence;

    @Option(names = "--cost-matrix", paramLabel = "FILE",
            description = "Multi-class: decide each row by least expected cost under this K x K matrix "
                    + "(CSV: header 'true\\decided' then the classes; one row per true class; costs >= 0).")
    Path costMatrix;

    @Option(names = {"--priors", "--prior-correct"}, paramLabel = "NAME=P,...|FILE",
            description = "With --cost-matrix: correct the probabilities to these target class priors first "
                    + "(inline or a CSV file 'class,prior'; positive, normalised to sum 1). --prior-correct is"
                    + " the same option.")
    String priors;

    @Option(names = "--train-priors", paramLabel = "NAME=P,...|FILE",
            description = "With --priors: the class priors the model's probabilities reflect "
                    + "(default: the label frequencies of FILE, weighted).")
    String trainPriors;

    @Mixin
    FormatOption output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        boolean costOptions = costFp != null || costFn != null || prevalence != null;
        if (costMatrix != null || priors != null || trainPriors != null) {
            if (costMatrix == null) {
                throw new UsageException("--priors and --train-priors apply to --cost-matrix only");
            }
            if (by != null || costOptions) {
                throw new UsageException("--cost-matrix decides among all classes; --by, --cost-fp, --cost-fn and "
                        + "--prevalence choose a binary threshold");
            }
            if (trainPriors != null && priors == null) {
                throw new UsageException("--train-priors needs --priors (the target priors to correct to)");
            }
            CostDecisions.run(input.read(spec.commandLine().getErr()), costMatrix, priors, trainPriors, output.json(),
                    spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        List<ThresholdCriterion> criteria = new ArrayList<>();
        if (by == null) {
            for (String s : ALL) {
                criteria.add(s.equals("cost") ? cost() : ThresholdCriterion.parse(s));
            }
        } else {
            ThresholdCriterion c;
            try {
                c = ThresholdCriterion.parse(by);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--by: " + e.getMessage());
            }
            if (by.trim().equalsIgnoreCase("cost")) {
                c = cost();
            } else if (costOptions) {
                throw new UsageException("--cost-fp, --cost-fn and --prevalence apply to --by cost only");
            }
            criteria.add(c);
        }
        BinaryPredictions p = input.readBinary(spec.commandLine().getErr());
        OperatingPoints op = OperatingPoints.of(p.scores(), p.labels(), p.weights());
        List<ThresholdChoice> choices = Thresholds.best(op, criteria);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            if (by != null) {
                Json.write(DecisionJson.threshold(choices.get(0)), out);
            } else {
                ObjectNode o = Json.object();
                ArrayNode a = o.putArray(Field.CRITERIA.key());
                choices.forEach(c -> a.add(DecisionJson.threshold(c)));
                Json.write(o, out);
            }
        } else {
            out.print(table(p.source(), choices));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private ThresholdCriterion cost() {
        double fp = costFp == null ? 1 : costFp;
        double fn = costFn == null ? 1 : costFn;
        try {
            return prevalence == null ? ThresholdCriterion.MinCost.of(fp, fn)
                    : ThresholdCriterion.MinCost.of(fp, fn, prevalence);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("costFp", "--cost-fp").replace("costFn", "--cost-fn")
                    .replace("prevalence", "--prevalence"));
        }
    }

    static String table(String file, List<ThresholdChoice> choices) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": positive iff score >= threshold\n\n");
        int w = 16;
        for (ThresholdChoice c : choices) {
            w = Math.max(w, c.criterion().spec().length() + 2);
        }
        String head = "%-" + w + "s %12s %10s %10s %10s %10s %10s %10s %10s %10s %10s%n";
        sb.append(String.format(Locale.ROOT, head, "criterion", "threshold", "tp", "fp", "tn", "fn", "precision",
                "recall", "specif.", "f1", "mcc"));
        for (ThresholdChoice c : choices) {
            String tp = "-";
            String fp = "-";
            String tn = "-";
            String fn = "-";
            if (c.feasible()) {
                var cm = c.confusion().orElseThrow();
                tp = count(cm.tp());
                fp = count(cm.fp());
                tn = count(cm.tn());
                fn = count(cm.fn());
            }
            sb.append(String.format(Locale.ROOT, head, c.criterion().spec(), number(c.threshold()), tp, fp, tn, fn,
                    number(c.precision()), number(c.recall()), number(c.specificity()), number(c.f1()),
                    number(c.mcc())));
        }
        boolean any = false;
        for (ThresholdChoice c : choices) {
            if (!Double.isNaN(c.expectedCost())) {
                sb.append(String.format(Locale.ROOT, "%nexpected cost per case (%s): %s%n", c.criterion().spec(),
                        number(c.expectedCost())));
            }
            for (String warning : c.warnings()) {
                if (!any) {
                    sb.append('\n');
                    any = true;
                }
                sb.append("warning: ").append(c.criterion().spec()).append(": ").append(warning).append('\n');
            }
        }
        return sb.toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static String count(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}

package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryCsvReader;
import org.discern.io.BinaryPredictions;
import org.discern.io.ExtraColumns;
import org.discern.io.InputException;
import org.discern.io.IntervalJson;
import org.discern.io.Json;
import org.discern.metrics.AucComparison;
import org.discern.metrics.Bootstrap;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.DeLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern compare}: are two (or more) classifiers' ROC AUCs different? */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compare the ROC AUCs of classifiers with a proper test, not by eyeballing two numbers.",
            "",
            "One file with several --score columns: paired tests of every pair of columns (the same",
            "samples scored by each model), p-values also Holm-adjusted over all pairs.",
            "Two files with --id: rows matched by id are compared paired (rows without a match are",
            "left out, with a warning); with no id in common the samples are independent and the",
            "test is unpaired.",
            "",
            "--method delong (default): DeLong's test, as R's pROC roc.test. --method bootstrap:",
            "stratified bootstrap of the AUC difference (honours weights)."},
        footer = {
            "",
            "Examples:",
            "  discern compare preds.csv --score model_a --score model_b",
            "  discern compare preds.csv --score a --score b --score c --format json",
            "  discern compare old.csv new.csv --id row_id",
            "  discern compare preds.csv --score a --score b --method bootstrap --seed 7"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..2",
            description = "One predictions file with several score columns, or two files matched by --id.")
    List<Path> files;

    @Option(names = "--score", paramLabel = "COL",
            description = "Score column; give it once per model with one file. With two files: once"
                    + " (same column in both) or twice (first file, second file). Default: score.")
    List<String> scores = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COL", defaultValue = "label",
            description = "Column holding the true labels (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--weight", paramLabel = "COL",
            description = "Column holding sample weights (>= 0). Default: unweighted.")
    String weight;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Label value of the positive class. Default: 1, or true/yes.")
    String positive;

    @Option(names = "--id", paramLabel = "COL",
            description = "Column identifying rows, to match the rows of two files.")
    String id;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "delong",
            description = "delong or bootstrap (default: ${DEFAULT-VALUE}).")
    IntervalMethod method;

    @Mixin
    IntervalOptions intervals;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        double level = intervals.level();
        BootstrapOptions boot = method == IntervalMethod.BOOTSTRAP ? intervals.bootstrap() : null;
        List<String> warnings = new ArrayList<>();
        List<AucComparison> comparisons;
        String description;
        boolean paired;
        if (files.size() == 1) {
            if (id != null) {
                throw new UsageException("--id matches the rows of two files; with one file give several --score columns");
            }
            if (scores.size() < 2) {
                throw new UsageException("with one file, give at least two --score columns to compare, got "
                        + scores.size());
            }
            if (scores.stream().distinct().count() != scores.size()) {
                throw new UsageException("--score columns must be distinct, got " + scores);
            }
            Path file = files.get(0);
            BinaryPredictions p = reader(scores.get(0)).read(file);
            ExtraColumns extra = ExtraColumns.read(file, scores.subList(1, scores.size()), null);
            List<double[]> columns = new ArrayList<>();
            columns.add(p.scores());
            for (int c = 1; c < scores.size(); c++) {
                columns.add(extra.numbers(c - 1));
            }
            comparisons = boot == null
                    ? DeLong.compare(scores, columns, p.labels(), p.weights(), level)
                    : Bootstrap.compare(scores, columns, p.labels(), p.weights(), boot);
            paired = true;
            description = String.format(Locale.ROOT, "%s: %s", file, counts(p.labels()));
            if (boot == null && p.weighted()) {
                warnings.add(FREQUENCY_WEIGHTS);
            }
        } else {
            if (id == null) {
                throw new UsageException("comparing two files needs --id COL to match their rows");
            }
            if (scores.size() > 2) {
                throw new UsageException("with two files, give --score at most twice (one per file), got "
                        + scores.size());
            }
            String scoreA = scores.isEmpty() ? "score" : scores.get(0);
            String scoreB = scores.size() < 2 ? scoreA : scores.get(1);
            Path fileA = files.get(0);
            Path fileB = files.get(1);
            BinaryPredictions a = reader(scoreA).read(fileA);
            BinaryPredictions b = reader(scoreB).read(fileB);
            String[] idsA = ExtraColumns.read(fileA, List.of(), id).ids();
            String[] idsB = ExtraColumns.read(fileB, List.of(), id).ids();
            String nameA = fileA.toString();
            String nameB = fileB.toString();
            if (nameA.equals(nameB)) {
                nameA = nameA + ":" + scoreA;
                nameB = nameB + ":" + scoreB;
            }
            Map<String, Integer> rowB = new HashMap<>();
            for (int j = 0; j < idsB.length; j++) {
                rowB.put(idsB[j], j);
            }
            int[] ia = new int[idsA.length];
            int[] ib = new int[idsA.length];
            int m = 0;
            for (int i = 0; i < idsA.length; i++) {
                Integer j = rowB.get(idsA[i]);
                if (j != null) {
                    if (a.label(i) != b.label(j)) {
                        throw new InputException(fileB.toString(), 0, id, String.format(Locale.ROOT,
                                "expected the same label as in %s for id '%s', found a %s there and a %s here",
                                fileA, idsA[i], a.label(i) ? "positive" : "negative",
                                b.label(j) ? "positive" : "negative"));
                    }
                    ia[m] = i;
                    ib[m] = j;
                    m++;
                }
            }
            if (m > 0) {
                paired = true;
                double[] sa = new double[m];
                double[] sb = new double[m];
                boolean[] y = new boolean[m];
                double[] w = a.weighted() ? new double[m] : null;
                double[] wa = a.weights();
                for (int k = 0; k < m; k++) {
                    sa[k] = a.score(ia[k]);
                    sb[k] = b.score(ib[k]);
                    y[k] = a.label(ia[k]);
                    if (w != null) {
                        w[k] = wa[ia[k]];
                    }
                }
                if (m < idsA.length || m < idsB.length) {
                    warnings.add(String.format(Locale.ROOT,
                            "%d of %d rows of %s and %d of %d rows of %s have no matching id and were left out",
                            idsA.length - m, idsA.length, fileA, idsB.length - m, idsB.length, fileB));
                }
                if (w != null) {
                    warnings.add("weights are taken from " + fileA);
                }
                List<String> names = List.of(nameA, nameB);
                List<double[]> columns = List.of(sa, sb);
                comparisons = boot == null
                        ? DeLong.compare(names, columns, y, w, level)
                        : Bootstrap.compare(names, columns, y, w, boot);
                description = String.format(Locale.ROOT, "%s and %s matched by '%s': %s", fileA, fileB, id, counts(y));
            } else {
                paired = false;
                warnings.add("no id is in both files: the samples are compared as independent (unpaired)");
                AucComparison c = boot == null
                        ? DeLong.unpaired(nameA, DeLong.auc(a.scores(), a.labels(), a.weights()),
                                nameB, DeLong.auc(b.scores(), b.labels(), b.weights()), level)
                        : Bootstrap.compareUnpaired(nameA, a.scores(), a.labels(), a.weights(),
                                nameB, b.scores(), b.labels(), b.weights(), boot);
                comparisons = List.of(c);
                description = String.format(Locale.ROOT, "%s: %s; %s: %s", fileA, counts(a.labels()),
                        fileB, counts(b.labels()));
            }
            if (boot == null && (a.weighted() || b.weighted())) {
                warnings.add(FREQUENCY_WEIGHTS);
            }
        }
        for (AucComparison c : comparisons) {
            for (String w : c.warnings()) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            ObjectNode json = IntervalJson.comparisons(comparisons);
            json.put("paired", paired);
            Json.number(json, "level", level);
            if (boot != null) {
                ObjectNode b = json.putObject("bootstrap");
                b.put("replicates", boot.replicates());
                b.put("seed", boot.seed());
            }
            ArrayNode w = json.putArray("warnings");
            warnings.forEach(w::add);
            Json.write(json, out);
        } else {
            out.print(table(description, comparisons, paired, level, boot, warnings));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static final String FREQUENCY_WEIGHTS = "DeLong treats sample weights as frequency weights"
            + " (a row of weight 2 counts as two rows); for other weights use --method bootstrap";

    private BinaryCsvReader reader(String scoreColumn) {
        return BinaryCsvReader.create().labelColumn(label).scoreColumn(scoreColumn).weightColumn(weight)
                .positive(positive);
    }

    private static String counts(boolean[] y) {
        int p = 0;
        for (boolean v : y) {
            if (v) {
                p++;
            }
        }
        return String.format(Locale.ROOT, "%,d rows, %,d positive, %,d negative", y.length, p, y.length - p);
    }

    static String table(String description, List<AucComparison> comparisons, boolean paired, double level,
            BootstrapOptions boot, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append(description).append('\n');
        sb.append(paired ? "paired" : "unpaired").append(' ')
                .append(boot == null ? "DeLong test" : "bootstrap test").append(", ")
                .append(Tables.percent(level)).append("% intervals");
        if (boot != null) {
            sb.append(String.format(Locale.ROOT, " (%d replicates, seed %d)", boot.replicates(), boot.seed()));
        }
        sb.append("\n\n");
        int wa = "a".length();
        int wb = "b".length();
        for (AucComparison c : comparisons) {
            wa = Math.max(wa, c.a().length());
            wb = Math.max(wb, c.b().length());
        }
        String fmt = "%-" + wa + "s  %-" + wb + "s  %9s  %9s  %10s  %-24s  %8s  %10s  %10s\n";
        sb.append(String.format(Locale.ROOT, fmt, "a", "b", "AUC a", "AUC b", "a - b",
                Tables.percent(level) + "% CI of a - b", "z", "p", "p (Holm)"));
        for (AucComparison c : comparisons) {
            String ci = "[" + num(c.differenceLower()) + ", " + num(c.differenceUpper()) + "]";
            sb.append(String.format(Locale.ROOT, fmt, c.a(), c.b(), num(c.aucA()), num(c.aucB()),
                    num(c.difference()), ci, fixed(c.z(), 3), p(c.pValue()), p(c.pValueHolm())));
        }
        if (!warnings.isEmpty()) {
            sb.append('\n');
            warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return fixed(v, 6);
    }

    private static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String p(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        return v >= 1e-4 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.2e", v);
    }
}

package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.ExtraColumns;
import org.discern.io.InputException;
import org.discern.io.ComparisonJson;
import org.discern.io.InputSpec;
import org.discern.io.Json;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.PredictionReader;
import org.discern.io.Predictions;
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
            "Compare the ROC AUCs of classifiers with a proper test.",
            "",
            "One file with several --score columns: paired tests of every pair of",
            "columns (the same samples scored by each model); p-values are also",
            "Holm-adjusted over all pairs.",
            "Two files with --id: rows matched by id are compared paired (rows",
            "without a match are left out, with a warning); with no id in common",
            "the samples are independent and the test is unpaired (DeLong: Student's",
            "t with Welch-Satterthwaite df, as pROC; the df is in the output).",
            "The same column twice gives difference 0, z = 0, p = 1, with a warning.",
            "",
            "--method delong (default): DeLong's test, as R's pROC roc.test.",
            "--method bootstrap: stratified bootstrap of the AUC difference",
            "(honours weights).",
            "",
            "Two multi-class files (a label column of class names and one score",
            "column per class, the same classes in the same order): per class,",
            "paired DeLong tests of the one-vs-rest AUCs, Holm-adjusted over the",
            "classes, and a paired stratified bootstrap test of the macro AUC",
            "(--replicates, --seed). Rows are matched by --id, or else by row order",
            "(then both files need the same number of rows). Matched rows must have",
            "the same label. --score, --positive and --method bootstrap apply to",
            "binary files only; --class NAME compares one class of two multi-class (or",
            "multi-label) files against the rest, as binary files (rows matched by --id)."},
        footer = {
            "",
            "Examples:",
            "  discern compare preds.csv --score model_a --score model_b",
            "  discern compare preds.csv --score a --score b --score c --format json",
            "  discern compare old.csv new.csv --id row_id",
            "  discern compare preds.csv --score a --score b --method bootstrap --seed 7",
            "  discern compare multi_old.csv multi_new.csv --id row_id --seed 7 --format json"})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE2",
            description = "A second predictions file, compared with FILE: rows matched by --id (two multi-class"
                    + " files: by --id, or else by row order). Read with the same options as FILE.")
    Path second;

    @Option(names = "--id", paramLabel = "COL",
            description = "Column identifying rows, to match the rows of two files.")
    String id;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "delong",
            description = "delong or bootstrap (default: ${DEFAULT-VALUE}).")
    IntervalMethod method;

    @Mixin
    IntervalOptions intervals;

    @Mixin
    FormatOption output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        List<String> scores = input.scores();
        PrintWriter err = spec.commandLine().getErr();
        Predictions first;
        Predictions other = null;
        if (second == null) {
            if (id != null) {
                throw new UsageException("--id matches the rows of two files; with one file give several --score columns");
            }
            if (input.className() != null) {
                throw new UsageException("--class applies to comparing two files (one class of each against the rest)");
            }
            // with --drop-invalid, a row invalid in any compared column is left out of every column
            first = InputOptions.read(input.spec(err, null).toBuilder()
                    .alsoFinite(scores.size() > 1 ? scores.subList(1, scores.size()) : null).build());
            if (!(first instanceof BinaryPredictions)) {
                throw new UsageException("compare: " + first.source() + " holds " + first.describe() + ", the scores"
                        + " of one model; give a second file to compare the two per class");
            }
        } else {
            if (scores.size() > 2) {
                throw new UsageException("with two files, give --score at most twice (one per file), got "
                        + scores.size());
            }
            // each file once, with its own score column when two are given, ids read in the same pass
            String scoreB = scores.size() < 2 ? null : scores.get(1);
            InputSpec a = input.spec(err, null).toBuilder().idColumn(id).build();
            InputSpec.Builder b = input.spec(err, second).toBuilder().idColumn(id);
            if (scoreB != null) {
                b.scoreColumn(scoreB);
            }
            first = input.chosenClass(InputOptions.read(a));
            other = input.chosenClass(InputOptions.read(b.build()));
            for (Predictions p : List.of(first, other)) {
                if (p instanceof MultiLabelPredictions) {
                    throw new UsageException("compare takes binary or multi-class predictions; " + p.source()
                            + " holds " + p.describe() + ": choose one label with --class NAME");
                }
            }
            if (first.layout() != other.layout()) {
                throw new InputException(other.source(), 1, null, String.format(Locale.ROOT,
                        "expected %s predictions as in %s, found %s predictions", first.layout(), first.source(),
                        other.layout()));
            }
            if (first instanceof MultiClassPredictions ma) {
                return compareMulticlass(ma, (MultiClassPredictions) other);
            }
        }
        intervals.requireUsed(true, method == IntervalMethod.BOOTSTRAP, "--method bootstrap");
        double level = intervals.level();
        BootstrapOptions boot = method == IntervalMethod.BOOTSTRAP ? intervals.bootstrap() : null;
        List<String> warnings = new ArrayList<>(InputWarnings.read(first));
        if (other != null) {
            warnings.addAll(InputWarnings.read(other));
        }
        List<AucComparison> comparisons;
        String description;
        boolean paired;
        if (other == null) {
            if (scores.size() < 2) {
                throw new UsageException("with one file, give at least two --score columns to compare, got "
                        + scores.size());
            }
            BinaryPredictions p = (BinaryPredictions) first;
            Path file = input.mainFile();
            // the further score columns of the same file
            ExtraColumns extra = ExtraColumns.read(file, scores.subList(1, scores.size()), null,
                    input.dropInvalid ? scores.get(0) : null);
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
            String scoreA = scores.isEmpty() ? InputSpec.DEFAULT_SCORE_COLUMN : scores.get(0);
            String scoreB = scores.size() < 2 ? scoreA : scores.get(1);
            if (input.className() != null) {
                scoreA = input.className();
                scoreB = scoreA;
            }
            Path fileA = Path.of(first.source());
            Path fileB = Path.of(other.source());
            BinaryPredictions a = (BinaryPredictions) first;
            BinaryPredictions b = (BinaryPredictions) other;
            String[] idsA = a.ids();
            String[] idsB = b.ids();
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
        if (output.json()) {
            Json.write(ComparisonJson.of(null, comparisons, paired, level, boot, warnings), out);
        } else {
            out.print(table(description, comparisons, paired, level, boot, warnings));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Two multi-class files: per class the paired DeLong test of the one-vs-rest AUCs (Holm over
     * the classes), then the paired bootstrap test of the macro AUC. Rows are matched by
     * {@code --id}, or by row order when no id is given.
     */
    private Integer compareMulticlass(MultiClassPredictions a, MultiClassPredictions b) throws IOException {
        if (method == IntervalMethod.BOOTSTRAP) {
            throw new UsageException("multi-class files are compared with DeLong per class and the bootstrap"
                    + " for the macro AUC; leave out --method bootstrap");
        }
        double level = intervals.level();
        BootstrapOptions boot = intervals.bootstrap();
        Path fileA = Path.of(a.source());
        Path fileB = Path.of(b.source());
        List<String> classes = a.classNames();
        if (!classes.equals(b.classNames())) {
            throw new InputException(fileB.toString(), 1, null, String.format(Locale.ROOT,
                    "expected the classes of %s in the same order, %s, found %s", fileA, classes,
                    b.classNames()));
        }
        List<String> warnings = new ArrayList<>(InputWarnings.read(a));
        warnings.addAll(InputWarnings.read(b));
        int[] ia;
        int[] ib;
        String matchedBy;
        if (id != null) {
            String[] idsA = a.ids();
            String[] idsB = b.ids();
            Map<String, Integer> rowB = new HashMap<>();
            for (int j = 0; j < idsB.length; j++) {
                rowB.put(idsB[j], j);
            }
            int[] ma = new int[idsA.length];
            int[] mb = new int[idsA.length];
            int m = 0;
            for (int i = 0; i < idsA.length; i++) {
                Integer j = rowB.get(idsA[i]);
                if (j != null) {
                    if (a.label(i) != b.label(j)) {
                        throw mismatch(fileB, j, String.format(Locale.ROOT,
                                "expected the same label as on %s of %s for id '%s', found '%s' there and '%s'"
                                        + " here", where(fileA, i), fileA, idsA[i], classes.get(a.label(i)),
                                classes.get(b.label(j))));
                    }
                    ma[m] = i;
                    mb[m] = j;
                    m++;
                }
            }
            if (m == 0) {
                throw new InputException(fileB.toString(), 0, id, "expected some of the ids of " + fileA
                        + ", found none: multi-class files are only compared paired");
            }
            if (m < idsA.length || m < idsB.length) {
                warnings.add(String.format(Locale.ROOT,
                        "%d of %d rows of %s and %d of %d rows of %s have no matching id and were left out",
                        idsA.length - m, idsA.length, fileA, idsB.length - m, idsB.length, fileB));
            }
            ia = Arrays.copyOf(ma, m);
            ib = Arrays.copyOf(mb, m);
            matchedBy = "matched by '" + id + "'";
        } else {
            if (a.size() != b.size()) {
                throw new UsageException(String.format(Locale.ROOT,
                        "without --id the rows of two files are matched by order and need the same number of rows;"
                                + " %s has %d, %s has %d: give --id COL", fileA, a.size(), fileB, b.size()));
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.label(i) != b.label(i)) {
                    throw mismatch(fileB, i, String.format(Locale.ROOT,
                            "expected the same label as on %s of %s (rows are matched by order; give --id COL"
                                    + " to match them by id), found '%s' there and '%s' here", where(fileA, i), fileA,
                            classes.get(a.label(i)), classes.get(b.label(i))));
                }
            }
            ia = new int[a.size()];
            Arrays.setAll(ia, i -> i);
            ib = ia;
            matchedBy = "matched by row order";
        }
        int m = ia.length;
        int k = classes.size();
        double[][] sa = new double[m][k];
        double[][] sb = new double[m][k];
        int[] y = new int[m];
        double[] w = a.hasWeights() ? new double[m] : null;
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < k; c++) {
                sa[r][c] = a.score(ia[r], c);
                sb[r][c] = b.score(ib[r], c);
            }
            y[r] = a.label(ia[r]);
            if (w != null) {
                w[r] = a.weight(ia[r]);
            }
        }
        if (w != null) {
            warnings.add("weights are taken from " + fileA);
            warnings.add("DeLong (per class) treats sample weights as frequency weights (a row of weight 2 counts"
                    + " as two rows); the bootstrap of the macro row honours any weights");
        }
        String nameA = fileA.toString();
        String nameB = fileB.toString();
        List<AucComparison> comparisons = new ArrayList<>(
                DeLong.compareOneVsRest(nameA, sa, nameB, sb, y, classes, w, level));
        comparisons.add(Bootstrap.compareMulticlassMacro(nameA, sa, nameB, sb, y, classes, w, boot));
        List<String> rowClasses = new ArrayList<>(classes);
        rowClasses.add("macro");
        for (AucComparison c : comparisons) {
            for (String x : c.warnings()) {
                if (!warnings.contains(x)) {
                    warnings.add(x);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Json.write(ComparisonJson.of(rowClasses, comparisons, true, level, boot, warnings), out);
        } else {
            String description = String.format(Locale.ROOT, "%s and %s %s: %,d rows, %d classes", fileA, fileB,
                    matchedBy, m, k);
            out.print(multiclassTable(description, rowClasses, comparisons, level, boot, warnings));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** Where data row {@code row} (0-based) of a file is, for messages: its line, or its row for NumPy input. */
    private static String where(Path file, int row) throws IOException {
        long line = PredictionReader.lineOf(file, row);
        return line > 0 ? "line " + line : "row " + row;
    }

    /** A label that differs between matched rows, located at row {@code row} of {@code file}. */
    private InputException mismatch(Path file, int row, String problem) throws IOException {
        long line = PredictionReader.lineOf(file, row);
        return new InputException(file.toString(), line, line > 0 ? input.spec(null, null).labelColumn() : null,
                problem);
    }

    static String multiclassTable(String description, List<String> classes, List<AucComparison> comparisons,
            double level, BootstrapOptions boot, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        sb.append(description).append('\n');
        sb.append(String.format(Locale.ROOT, "paired DeLong test per class (one-vs-rest, Holm over the classes);"
                + " macro: paired bootstrap test (%d replicates, seed %d); %s%% intervals", boot.replicates(),
                boot.seed(), Tables.percent(level)));
        sb.append("\n\n");
        int wc = "class".length();
        int wa = "a".length();
        int wb = "b".length();
        for (int i = 0; i < comparisons.size(); i++) {
            wc = Math.max(wc, classes.get(i).length());
            wa = Math.max(wa, comparisons.get(i).a().length());
            wb = Math.max(wb, comparisons.get(i).b().length());
        }
        String fmt = "%-" + wc + "s  %-" + wa + "s  %-" + wb
                + "s  %9s  %9s  %10s  %-24s  %8s  %10s  %10s  %s\n";
        sb.append(String.format(Locale.ROOT, fmt, "class", "a", "b", "AUC a", "AUC b", "a - b",
                Tables.percent(level) + "% CI of a - b", "z", "p", "p (Holm)", "method"));
        for (int i = 0; i < comparisons.size(); i++) {
            AucComparison c = comparisons.get(i);
            String ci = "[" + num(c.differenceLower()) + ", " + num(c.differenceUpper()) + "]";
            sb.append(String.format(Locale.ROOT, fmt, classes.get(i), c.a(), c.b(), num(c.aucA()), num(c.aucB()),
                    num(c.difference()), ci, fixed(c.z(), 3), p(c.pValue()), p(c.pValueHolm()), c.method()));
        }
        if (!warnings.isEmpty()) {
            sb.append('\n');
            warnings.forEach(x -> sb.append("warning: ").append(x).append('\n'));
        }
        return sb.toString();
    }

    private static final String FREQUENCY_WEIGHTS = "DeLong treats sample weights as frequency weights"
            + " (a row of weight 2 counts as two rows); for other weights use --method bootstrap";

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
        double df = comparisons.get(0).degreesOfFreedom();
        if (!Double.isNaN(df)) {
            sb.append(String.format(Locale.ROOT, "; Student's t with %.2f df (Welch-Satterthwaite)", df));
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
                Tables.percent(level) + "% CI of a - b", Double.isNaN(df) ? "z" : "t", "p", "p (Holm)"));
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

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

import org.discern.io.BinaryCsvReader;
import org.discern.io.BinaryPredictions;
import org.discern.io.CsvLayout;
import org.discern.io.DelimitedFile;
import org.discern.io.ExtraColumns;
import org.discern.io.InputException;
import org.discern.io.ComparisonJson;
import org.discern.io.Json;
import org.discern.io.MultiClassCsvReader;
import org.discern.io.MultiClassPredictions;
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
            "the samples are independent and the test is unpaired.",
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
            "binary files only."},
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

    @Parameters(paramLabel = "FILE", arity = "1..2",
            description = "One predictions file with several score columns, or two files matched by --id"
                    + " (two multi-class files: by --id, or else by row order).")
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
        if (files.size() == 2 && scores.isEmpty() && positive == null && bothMulticlass()) {
            return compareMulticlass(files.get(0), files.get(1));
        }
        intervals.requireUsed(true, method == IntervalMethod.BOOTSTRAP, "--method bootstrap");
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
            Json.write(ComparisonJson.of(null, comparisons, paired, level, boot, warnings), out);
        } else {
            out.print(table(description, comparisons, paired, level, boot, warnings));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Whether both files hold multi-class predictions, from their headers. Any problem reading a
     * header answers false: the binary path then reports it as it always has. A multi-class file
     * next to a binary one is an error.
     */
    private boolean bothMulticlass() throws InputException {
        CsvLayout a;
        CsvLayout b;
        try {
            a = layout(files.get(0));
            b = layout(files.get(1));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if ((a == CsvLayout.MULTICLASS) != (b == CsvLayout.MULTICLASS)
                && (a == CsvLayout.BINARY || b == CsvLayout.BINARY)) {
            throw new InputException(files.get(1).toString(), 1, null, String.format(Locale.ROOT,
                    "expected %s predictions as in %s, found %s predictions", a, files.get(0), b));
        }
        return a == CsvLayout.MULTICLASS && b == CsvLayout.MULTICLASS;
    }

    private CsvLayout layout(Path file) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(file)) {
            return CsvLayout.detect(f.name(), f.header(), label, "score", weight == null ? "weight" : weight);
        }
    }

    /**
     * Two multi-class files: per class the paired DeLong test of the one-vs-rest AUCs (Holm over
     * the classes), then the paired bootstrap test of the macro AUC. Rows are matched by
     * {@code --id}, or by row order when no id is given.
     */
    private Integer compareMulticlass(Path fileA, Path fileB) throws IOException {
        if (method == IntervalMethod.BOOTSTRAP) {
            throw new UsageException("multi-class files are compared with DeLong per class and the bootstrap"
                    + " for the macro AUC; leave out --method bootstrap");
        }
        double level = intervals.level();
        BootstrapOptions boot = intervals.bootstrap();
        MultiClassPredictions a = readMulticlass(fileA);
        MultiClassPredictions b = readMulticlass(fileB);
        List<String> classes = a.classNames();
        if (!classes.equals(b.classNames())) {
            throw new InputException(fileB.toString(), 1, null, String.format(Locale.ROOT,
                    "expected the classes of %s in the same order, %s, found %s", fileA, classes,
                    b.classNames()));
        }
        List<String> warnings = new ArrayList<>();
        int[] ia;
        int[] ib;
        String matchedBy;
        if (id != null) {
            String[] idsA = ExtraColumns.read(fileA, List.of(), id).ids();
            String[] idsB = ExtraColumns.read(fileB, List.of(), id).ids();
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
                        throw new InputException(fileB.toString(), line(fileB, j), label, String.format(Locale.ROOT,
                                "expected the same label as on line %d of %s for id '%s', found '%s' there and '%s'"
                                        + " here", line(fileA, i), fileA, idsA[i], classes.get(a.label(i)),
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
                    throw new InputException(fileB.toString(), line(fileB, i), label, String.format(Locale.ROOT,
                            "expected the same label as on line %d of %s (rows are matched by order; give --id COL"
                                    + " to match them by id), found '%s' there and '%s' here", line(fileA, i), fileA,
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
        if (format == OutputFormat.JSON) {
            Json.write(ComparisonJson.of(rowClasses, comparisons, true, level, boot, warnings), out);
        } else {
            String description = String.format(Locale.ROOT, "%s and %s %s: %,d rows, %d classes", fileA, fileB,
                    matchedBy, m, k);
            out.print(multiclassTable(description, rowClasses, comparisons, level, boot, warnings));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private MultiClassPredictions readMulticlass(Path file) throws IOException {
        MultiClassCsvReader r = MultiClassCsvReader.create().labelColumn(label).weightColumn(weight);
        if (id != null) {
            // the id column is not a class
            List<String> classes = new ArrayList<>();
            String w = weight == null ? "weight" : weight;
            try (DelimitedFile f = DelimitedFile.open(file)) {
                for (String h : f.header()) {
                    if (!h.equals(label) && !h.equals(w) && !h.equals(id)) {
                        classes.add(h);
                    }
                }
            }
            r = r.classes(classes);
        }
        return r.read(file);
    }

    /** The line number of data row {@code row} (0-based) of a file, for messages. */
    private static long line(Path file, int row) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(file)) {
            for (int i = 0; i <= row; i++) {
                if (!f.next()) {
                    return 0;
                }
            }
            return f.line();
        }
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

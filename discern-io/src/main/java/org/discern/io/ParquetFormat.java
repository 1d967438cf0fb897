package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.discern.metrics.BinaryScoreBlocks;

/**
 * Apache Parquet files, as Spark, pandas/pyarrow and DuckDB write them (magic bytes {@code PAR1}),
 * read without Hadoop by Discern's own reader ({@link ParquetFile}, {@link ParquetColumn}; see
 * docs/ARCHITECTURE.md, "Parquet").
 *
 * <p>The layouts, from the top-level fields:
 * <ul>
 *   <li>flat columns, exactly as in a CSV file: the columns go to {@link LayoutDetector} and are
 *       chosen with the same options ({@code --label}, {@code --score}, {@code --weight},
 *       {@code --id}, {@code --positive}, {@code --classes}), with the same "did you mean";</li>
 *   <li>a multi-class score matrix from one column holding a list of numbers per row (a
 *       {@code list<double>} as pandas writes it, or Spark ML's {@code probability} vector,
 *       dense or sparse): taken when {@code --score} names it, or when it is the only such column
 *       and no flat score column is there. Its classes are "0".."K-1" (labels are class indices,
 *       integers or whole doubles as Spark writes them), or the names given with
 *       {@code --classes} in the order of the scores (labels are then class names, or
 *       indices).</li>
 * </ul>
 * A null in a used column is an error naming the column, the row and its row group.
 */
final class ParquetFormat implements PredictionFormat {
    @Override
    public boolean accepts(byte[] head) {
        return ParquetFile.accepts(head);
    }

    @Override
    public Predictions read(Path file, InputStream in, InputSpec spec) throws IOException {
        PredictionFormat.refuse(spec.numpySettings(), "applies to NumPy input; " + file + " is a Parquet file (its"
                + " classes are its column names, or --classes for a column of score vectors)");
        PredictionFormat.refuse(spec.archiveSettings(), "applies to an .npz archive; " + file + " is a Parquet file");
        if (PredictionReader.isStdin(file) || !Files.isRegularFile(file)) {
            throw new InputException(PredictionReader.nameOf(file), 0, null, "a Parquet file is read from a regular file, not a"
                    + " pipe or device (its index is at the end)");
        }
        try (ParquetFile pf = ParquetFile.open(file)) {
            String source = file.toString();
            if (pf.rows() == 0) {
                throw new InputException(source, 0, null, "expected at least one data row, found none");
            }
            if (pf.rows() > NpyArray.MAX_ARRAY_LENGTH) {
                throw new InputException(source, 0, null, "more than " + NpyArray.MAX_ARRAY_LENGTH
                        + " rows: more than one Java array can hold");
            }
            ParquetFields fields = new ParquetFields(pf);
            String vector = vectorColumn(fields, spec);
            // rows are named 1-based, as every Parquet message names them
            Predictions p = vector != null ? vectors(source, fields, vector, spec) : flat(file, source, pf, fields, spec);
            return spec.dropInvalid() ? RowFilter.dropInvalid(p, InputRows.Place.ROW)
                    : RowFilter.withInputRows(p, InputRows.builder(InputRows.Place.ROW).build());
        }
    }

    private static Predictions flat(Path file, String source, ParquetFile pf, ParquetFields fields, InputSpec spec)
            throws IOException {
        List<String> flat = new ArrayList<>();
        for (ParquetFile.Node n : pf.fields()) {
            if (ParquetFields.kind(n) == ParquetFields.Kind.FLAT) {
                flat.add(n.name);
            }
        }
        Layout layout = LayoutDetector.fromColumns(source, flat, spec);
        LayoutDetector.refuseOptions(file, layout, spec);
        HeapBudget.check(source, HeapBudget.count(pf.rows()) + " rows", HeapBudget.parquetBinary(pf.rows()));
        return switch (layout) {
            case MULTICLASS -> multiClass(source, fields, spec);
            case MULTILABEL -> multiLabel(source, fields, spec);
            default -> binary(source, fields, spec);
        };
    }

    /** The column of score vectors to read, or null for flat columns. */
    private static String vectorColumn(ParquetFields fields, InputSpec spec) throws InputException {
        if (spec.scoreColumnGiven()) {
            ParquetFile.Node n = fields.field(spec.scoreColumn());
            return n != null && isVector(n) ? n.name : null;
        }
        if (spec.positive() != null || spec.layout() != null && spec.layout() != Layout.MULTICLASS
                || fields.field(spec.scoreColumn()) != null) {
            return null;
        }
        String found = null;
        for (ParquetFile.Node n : fieldsOf(fields)) {
            if (isVector(n) && !n.name.equals(spec.labelColumn())) {
                if (found != null) {
                    throw new InputException(fields.source(), 0, null, "columns '" + found + "' and '" + n.name
                            + "' both hold a vector of scores per row; choose one with --score NAME");
                }
                found = n.name;
            }
        }
        return found;
    }

    private static List<ParquetFile.Node> fieldsOf(ParquetFields fields) {
        List<ParquetFile.Node> out = new ArrayList<>();
        for (String name : fields.names()) {
            out.add(fields.field(name));
        }
        return out;
    }

    private static boolean isVector(ParquetFile.Node n) {
        ParquetFields.Kind k = ParquetFields.kind(n);
        return k == ParquetFields.Kind.LIST || k == ParquetFields.Kind.VECTOR;
    }

    /** Refuses a missing column with the columns there are and the closest name. */
    private static String require(String source, ParquetFields fields, String column, String what,
            String... taken) throws InputException {
        if (fields.field(column) == null) {
            List<String> names = fields.names();
            List<String> candidates = new ArrayList<>(names);
            candidates.removeAll(List.of(taken));
            throw new InputException(source, 0, null, String.format(Locale.ROOT, "no column '%s' for the %s;"
                    + " columns: %s%s", column, what, String.join(", ", names), DidYouMean.hint(column, candidates)));
        }
        return column;
    }

    private static String[] ids(String source, ParquetFields fields, InputSpec spec, String... taken)
            throws IOException {
        return spec.idColumn() == null ? null
                : fields.ids(require(source, fields, spec.idColumn(), "ids", taken));
    }

    private static BinaryPredictions binary(String source, ParquetFields fields, InputSpec spec) throws IOException {
        String label = require(source, fields, spec.labelColumn(), "labels");
        String score = require(source, fields, spec.scoreColumn(), "scores", label);
        double[] weights = spec.weightColumn() == null ? null
                : fields.weights(require(source, fields, spec.weightColumn(), "weights", label, score));
        String[] ids = ids(source, fields, spec, label, score);
        if (spec.evaluationOnly() && weights == null && !spec.dropInvalid() && ids == null) {
            Keyed k = keyed(source, fields, spec, label, score);
            if (k.rows() == null) { // no row: as the arrays' path has it
                return new BinaryPredictions(source, new double[0], new boolean[0], null, k.positive(), k.values(), null);
            }
            return BinaryPredictions.evaluated(source, k.rows().evaluate(false, true), k.positive(), k.values());
        }
        Decoded d = decode(source, fields, spec, label, score);
        int[] codes = d.labels().codes();
        boolean[] y = new boolean[codes.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.isPositive()[codes[i]];
        }
        return new BinaryPredictions(source, d.scores(), y, weights, d.positive(), d.labels().values(), ids);
    }

    /** The decoded score and label columns of a binary table, and which label values are positive. */
    private record Decoded(double[] scores, ParquetFields.Labels labels, String positive, boolean[] isPositive) {
    }

    private static Decoded decode(String source, ParquetFields fields, InputSpec spec, String label, String score)
            throws IOException {
        // the scores decode on another core while the labels decode here; the labels' error, if
        // any, is reported first whatever the timing
        CompletableFuture<double[]> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return fields.scores(score, spec.dropInvalid());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ParquetFields.Labels labels;
        try {
            labels = fields.labels(label, "labels");
        } catch (IOException | RuntimeException e) {
            pending.cancel(false);
            throw e;
        }
        double[] scores = join(pending);
        String positive = BinaryCsvReader.of(spec).resolvePositive(source, labels.values(), labels.firstRow(), "row");
        boolean[] isPositive = new boolean[labels.values().size()];
        for (int c = 0; c < isPositive.length; c++) {
            isPositive[c] = BinaryCsvReader.sameLabel(labels.values().get(c), positive);
        }
        return new Decoded(scores, labels, positive, isPositive);
    }

    /**
     * The rows of a binary table in the core's sort keys (null when there is no row), with the
     * positive label and the label values.
     */
    private record Keyed(BinaryScoreBlocks rows, String positive, List<String> values) {
    }

    /**
     * Unweighted binary rows of which only the evaluation is wanted ({@link InputSpec#evaluationOnly()}),
     * put into the core's sort keys as {@link ChunkedCsv} and NumPy input are
     * ({@link BinaryScoreBlocks}: one array of keys up to 2^24 rows, blocks and a compact table
     * above): the same evaluation as the arrays' ({@code BinaryEvaluation.of}), with less memory
     * and time at 1e8 rows, where the arrays' table holds 8 bytes per distinct score and its sort a
     * scratch the size of the keys. A method of its own, so that the decoded columns are no longer
     * held when the keys are evaluated.
     */
    private static Keyed keyed(String source, ParquetFields fields, InputSpec spec, String label, String score)
            throws IOException {
        Decoded d = decode(source, fields, spec, label, score);
        double[] scores = d.scores();
        int[] codes = d.labels().codes();
        boolean[] isPositive = d.isPositive();
        if (scores.length == 0) {
            return new Keyed(null, d.positive(), d.labels().values());
        }
        BinaryScoreBlocks rows = new BinaryScoreBlocks();
        rows.expect(scores.length);
        for (int i = 0; i < scores.length; i++) {
            rows.add(scores[i], isPositive[codes[i]] ? 1 : 0);
        }
        return new Keyed(rows, d.positive(), d.labels().values());
    }

    /** The value of {@code f}, with the exception it failed with rethrown as it was. */
    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The weight column of a multi-class or multi-label table: the named one, else {@code weight} if present. */
    private static double[] defaultWeights(String source, ParquetFields fields, InputSpec spec, String... taken)
            throws IOException {
        if (spec.weightColumn() != null) {
            return fields.weights(require(source, fields, spec.weightColumn(), "weights", taken));
        }
        ParquetFile.Node w = fields.field(InputSpec.DEFAULT_WEIGHT_COLUMN);
        return w == null || List.of(taken).contains(w.name) ? null : fields.weights(w.name);
    }

    private static MultiClassPredictions multiClass(String source, ParquetFields fields, InputSpec spec)
            throws IOException {
        String label = require(source, fields, spec.labelColumn(), "labels");
        String weight = spec.weightColumn() != null ? spec.weightColumn() : InputSpec.DEFAULT_WEIGHT_COLUMN;
        List<String> names;
        if (spec.classes() != null) {
            List<String> missing = new ArrayList<>();
            for (String c : spec.classes()) {
                if (fields.field(c) == null || c.equals(label)) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                List<String> candidates = new ArrayList<>(fields.names());
                candidates.remove(label);
                throw new InputException(source, 0, null, "expected a score column for every class; no column for "
                        + String.join(", ", missing) + " (found: " + String.join(", ", fields.names()) + ")"
                        + DidYouMean.hint(missing.get(0), candidates));
            }
            if (spec.classes().size() < 2) {
                throw new InputException(source, 0, null, "expected at least two classes, got " + spec.classes());
            }
            names = spec.classes();
        } else {
            names = new ArrayList<>();
            for (ParquetFile.Node n : fieldsOf(fields)) {
                if (ParquetFields.kind(n) == ParquetFields.Kind.FLAT && !n.name.equals(label) && !n.name.equals(weight)
                        && !n.name.equals(spec.idColumn())) {
                    names.add(n.name);
                }
            }
        }
        double[] weights = defaultWeights(source, fields, spec, label);
        String[] ids = ids(source, fields, spec, label);
        int n = (int) fields.rows();
        int k = names.size();
        HeapBudget.check(source, HeapBudget.count(n) + " x " + k + " scores", HeapBudget.matrix(n, k, false));
        double[] scores = new double[n * k];
        for (int j = 0; j < k; j++) {
            double[] column = fields.scores(names.get(j), spec.dropInvalid());
            for (int i = 0; i < n; i++) {
                scores[i * k + j] = column[i];
            }
        }
        int[] y = classIndices(source, fields.labels(label, "labels"), label, names, false);
        return MultiClassPredictions.owning(y, names, ScoreMatrix.wrap(scores, n, k), weights).withSource(source, ids);
    }

    private static MultiClassPredictions vectors(String source, ParquetFields fields, String column, InputSpec spec)
            throws IOException {
        if (spec.layout() != null && spec.layout() != Layout.MULTICLASS) {
            throw new InputOptionException("--layout " + spec.layout() + " does not apply to " + source + ": its"
                    + " column '" + column + "' holds a vector of scores per row (multi-class)");
        }
        if (spec.positive() != null) {
            throw new InputOptionException("--positive applies to binary predictions; " + source + " is read as"
                    + " multi-class from the score vectors in '" + column + "'");
        }
        String label = require(source, fields, spec.labelColumn(), "labels", column);
        double[] weights = defaultWeights(source, fields, spec, label, column);
        String[] ids = ids(source, fields, spec, label, column);
        ParquetFields.Labels labels = fields.labels(label, "labels");
        ScoreMatrix scores = fields.vectors(column, spec.dropInvalid());
        int k = scores.columns();
        List<String> names;
        if (spec.classes() != null) {
            if (spec.classes().size() != k) {
                throw new InputOptionException("--classes names " + spec.classes().size() + " classes; the vectors in"
                        + " column '" + column + "' of " + source + " hold " + k + " scores");
            }
            names = spec.classes();
        } else {
            names = ClassNames.defaults(k);
        }
        if (k < 2) {
            throw new InputException(source, 0, column, "expected at least two scores per row (one per class),"
                    + " found " + k);
        }
        int[] y = classIndices(source, labels, label, names, true);
        return MultiClassPredictions.owning(y, names, scores, weights).withSource(source, ids);
    }

    /**
     * The class index of every row: a label is a class name, or (for score vectors) a 0-based
     * class index.
     */
    private static int[] classIndices(String source, ParquetFields.Labels labels, String column, List<String> names,
            boolean indices) throws InputException {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        int[] map = new int[labels.values().size()];
        Map<String, Long> unknown = new LinkedHashMap<>();
        for (int v = 0; v < map.length; v++) {
            String text = labels.values().get(v);
            Integer c = index.get(text);
            if (c == null && indices) {
                try {
                    int i = Integer.parseInt(text);
                    c = i >= 0 && i < names.size() ? i : null;
                } catch (NumberFormatException e) {
                    c = null;
                }
            }
            if (c == null) {
                unknown.put(text, labels.firstRow().get(text));
            }
            map[v] = c == null ? -1 : c;
        }
        if (indices && unknown.size() == labels.values().size()) {
            throw new InputException(source, 0, column, "the labels are class names ('"
                    + String.join("', '", labels.values().subList(0, Math.min(5, labels.values().size())))
                    + (labels.values().size() > 5 ? "', ..." : "'") + "); give the names of the " + names.size()
                    + " scores of each vector, in order, with --classes NAME,NAME,...");
        }
        if (!unknown.isEmpty()) {
            StringBuilder sb = new StringBuilder(unknown.size() == 1 ? "a label that is not a class: "
                    : unknown.size() + " labels that are not classes: ");
            int shown = 0;
            for (Map.Entry<String, Long> e : unknown.entrySet()) {
                if (shown == MultiClassCsvReader.MAX_LISTED) {
                    sb.append(", ... (").append(unknown.size() - shown).append(" more)");
                    break;
                }
                sb.append(shown++ > 0 ? ", " : "").append(String.format(Locale.ROOT, "'%s' (first on row %d)",
                        e.getKey(), e.getValue()));
            }
            sb.append("; expected one of the classes: ").append(String.join(", ", names));
            if (indices) {
                sb.append(" or a class index 0..").append(names.size() - 1)
                        .append(" (name the scores of the vector with --classes)");
            }
            throw new InputException(source, 0, column, sb.toString());
        }
        int[] codes = labels.codes();
        int[] y = new int[codes.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = map[codes[i]];
        }
        return y;
    }

    private static MultiLabelPredictions multiLabel(String source, ParquetFields fields, InputSpec spec)
            throws IOException {
        List<String> flat = new ArrayList<>();
        for (ParquetFile.Node n : fieldsOf(fields)) {
            if (ParquetFields.kind(n) == ParquetFields.Kind.FLAT) {
                flat.add(n.name);
            }
        }
        List<String> names = MultiLabelCsvReader.pairs(source, flat);
        int l = names.size();
        int n = (int) fields.rows();
        HeapBudget.check(source, HeapBudget.count(n) + " x " + l + " scores", HeapBudget.matrix(n, l, false));
        boolean[] indicator = new boolean[n * l];
        double[] scores = new double[n * l];
        for (int j = 0; j < l; j++) {
            String labelColumn = Layout.LABEL_PREFIX + names.get(j);
            ParquetFields.Labels y = fields.labels(labelColumn, "labels");
            boolean[] one = new boolean[y.values().size()];
            for (int v = 0; v < one.length; v++) {
                String t = y.values().get(v);
                boolean isOne = BinaryCsvReader.sameLabel(t, "1") || t.equals("true");
                if (!isOne && !BinaryCsvReader.sameLabel(t, "0") && !t.equals("false")) {
                    throw new InputException(source, 0, labelColumn, "row " + y.firstRow().get(t)
                            + ": expected 0 or 1, found '" + t + "'");
                }
                one[v] = isOne;
            }
            double[] s = fields.scores(Layout.SCORE_PREFIX + names.get(j), spec.dropInvalid());
            int[] codes = y.codes();
            for (int i = 0; i < n; i++) {
                indicator[i * l + j] = one[codes[i]];
                scores[i * l + j] = s[i];
            }
        }
        double[] weights = defaultWeights(source, fields, spec);
        String[] ids = ids(source, fields, spec);
        return MultiLabelPredictions.of(indicator, names, ScoreMatrix.wrap(scores, n, l), weights)
                .withSource(source, ids);
    }
}

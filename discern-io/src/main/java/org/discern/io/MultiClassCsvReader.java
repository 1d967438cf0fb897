package org.discern.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads multi-class predictions from a delimited file (CSV/TSV, optionally gzip; see
 * {@link DelimitedFile}) whose header is a label column holding class names plus one score column
 * per class, the column header being the class name:
 *
 * <pre>
 * label,cat,dog,eel
 * dog,0.1,0.7,0.2
 * </pre>
 *
 * By default every column other than the label and the weight column is a class, in header order;
 * {@link #classes(List)} selects and orders them instead. A column named {@code weight} (or the
 * one given to {@link #weightColumn(String)}) holds sample weights and is never a class. Scores are
 * read as double. Every error is an {@link InputException} with file, line, column, what was
 * expected and what was found; labels that are not classes are reported together, each with the
 * line where it first appears. An id column ({@link #idColumn(String)}) is read as row ids and is
 * never a class. Reached through {@link PredictionReader}.
 */
final class MultiClassCsvReader {
    /** Unknown labels listed in one error message at most. */
    static final int MAX_LISTED = 10;

    private String labelColumn = InputSpec.DEFAULT_LABEL_COLUMN;
    private String weightColumn = InputSpec.DEFAULT_WEIGHT_COLUMN;
    private boolean weightRequired;
    private String idColumn;
    private List<String> classes;
    private List<String> textColumns = List.of();
    private ProgressListener progress = ProgressListener.NONE;
    private boolean dropInvalid;

    private MultiClassCsvReader() {
    }

    /** A reader with the defaults: label column {@code label}, weights from {@code weight} if present. */
    static MultiClassCsvReader create() {
        return new MultiClassCsvReader();
    }

    /** A reader with the settings of {@code spec}. */
    static MultiClassCsvReader of(InputSpec spec) {
        return create().labelColumn(spec.labelColumn()).weightColumn(spec.weightColumn()).idColumn(spec.idColumn())
                .classes(spec.classes()).textColumns(spec.textColumns()).progress(spec.progress())
                .dropInvalid(spec.dropInvalid());
    }

    /** Name of the label column. */
    MultiClassCsvReader labelColumn(String column) {
        this.labelColumn = column;
        return this;
    }

    /**
     * Name of the weight column, which must then exist; null for the default (a column named
     * {@code weight} if there is one).
     */
    MultiClassCsvReader weightColumn(String column) {
        this.weightColumn = column == null ? InputSpec.DEFAULT_WEIGHT_COLUMN : column;
        this.weightRequired = column != null;
        return this;
    }

    /** Name of the id column (never a class), or null for none. */
    MultiClassCsvReader idColumn(String column) {
        this.idColumn = column;
        return this;
    }

    /** The classes (score columns) to use, in this order; null for every non-label, non-weight column. */
    MultiClassCsvReader classes(List<String> classNames) {
        this.classes = classNames == null ? null : List.copyOf(classNames);
        return this;
    }

    /** Text columns to read beside the predictions (group and fold columns); empty for none. */
    MultiClassCsvReader textColumns(List<String> columns) {
        this.textColumns = columns;
        return this;
    }

    /** Leave out rows with a score that is not a finite number (default: they are errors). */
    MultiClassCsvReader dropInvalid(boolean drop) {
        this.dropInvalid = drop;
        return this;
    }

    /** Where to report reading progress (default: nowhere). */
    MultiClassCsvReader progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /**
     * Reads the file.
     *
     * @throws InputException with file, line and column on any problem with the data
     */
    MultiClassPredictions read(Path path) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(path)) {
            return read(f);
        }
    }

    /** Reads the records of an open file (its header already read). */
    MultiClassPredictions read(DelimitedFile f) throws IOException {
        f.onProgress(progress);
        int li = f.requireColumn(labelColumn, "labels");
        int wi = weightRequired ? f.requireColumn(weightColumn, "weights", labelColumn) : f.columnIndex(weightColumn);
        if (wi == li) {
            wi = -1;
        }
        RowExtras extras = RowExtras.of(f, wi, idColumn, labelColumn).text(f, textColumns, labelColumn);
        List<String> names = classNames(f, li, wi, extras.idColumn());
        int k = names.size();
        int[] columns = new int[k];
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < k; c++) {
            columns[c] = f.columnIndex(names.get(c));
            classIndex.put(names.get(c), c);
        }
        int capacity = initialCapacity(k);
        int[] labels = new int[capacity];
        double[] scores = new double[capacity * k];
        Map<String, Long> unknown = new LinkedHashMap<>();
        InputRows.Builder positions = InputRows.builder(InputRows.Place.LINE);
        int n = 0;
        while (f.next()) {
            if (n == capacity) {
                capacity = grow(f.name(), capacity, k);
                labels = Arrays.copyOf(labels, capacity);
                scores = Arrays.copyOf(scores, capacity * k);
            }
            String label = f.field(li).strip();
            if (label.isEmpty()) {
                throw f.error(li, "expected a class name, found an empty field");
            }
            Integer c = classIndex.get(label);
            if (c == null) {
                unknown.putIfAbsent(label, f.line());
                c = -1;
            }
            labels[n] = c;
            int base = n * k;
            boolean valid = true;
            for (int j = 0; j < k; j++) {
                double v = dropInvalid ? f.numberOrNaN(columns[j]) : f.number(columns[j]);
                valid &= !Double.isNaN(v);
                scores[base + j] = v;
            }
            if (!valid) {
                positions.drop(f.line()); // its label was checked above: an unknown class stays an error
                continue;
            }
            positions.keep(f.line());
            extras.add(f);
            n++;
        }
        RowExtras.requireRows(f, n, positions);
        if (!unknown.isEmpty()) {
            throw new InputException(f.name(), 0, labelColumn, unknownMessage(unknown, names));
        }
        ScoreMatrix s = ScoreMatrix.wrap(Arrays.copyOf(scores, n * k), n, k);
        return MultiClassPredictions.owning(Arrays.copyOf(labels, n), names, s, extras.weights())
                .withSource(f.name(), extras.ids()).withTextColumns(extras.textColumns())
                .withInputRows(positions.build());
    }

    /** First capacity, in rows, of arrays holding {@code width} values per row. */
    static int initialCapacity(int width) {
        return (int) Math.min(1024, NpyArray.MAX_ARRAY_LENGTH / width);
    }

    /** Doubles a capacity in rows, keeping rows * width within one Java array. */
    static int grow(String file, int capacity, int width) throws InputException {
        long max = NpyArray.MAX_ARRAY_LENGTH / width;
        if (capacity >= max) {
            throw new InputException(file, 0, null, "more than " + max + " rows of " + width
                    + " values: more than one Java array can hold");
        }
        return (int) Math.min(2L * capacity, max);
    }

    private List<String> classNames(DelimitedFile f, int li, int wi, int ii) throws InputException {
        List<String> header = f.header();
        if (classes == null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != li && i != wi && i != ii && !textColumns.contains(header.get(i))) {
                    names.add(header.get(i));
                }
            }
            if (names.size() < 2) {
                throw new InputException(f.name(), 1, null, "expected the label column '" + labelColumn
                        + "' and at least two score columns (one per class), found: " + String.join(", ", header));
            }
            return names;
        }
        List<String> missing = new ArrayList<>();
        for (String c : classes) {
            if (f.columnIndex(c) < 0 || c.equals(labelColumn)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            List<String> candidates = new ArrayList<>(header);
            candidates.remove(labelColumn);
            throw new InputException(f.name(), 1, null, "expected a score column for every class; no column for "
                    + String.join(", ", missing) + " (found: " + String.join(", ", header) + ")"
                    + DidYouMean.hint(missing.get(0), candidates));
        }
        if (classes.size() < 2) {
            throw new InputException(f.name(), 1, null, "expected at least two classes, got " + classes);
        }
        return classes;
    }

    private static String unknownMessage(Map<String, Long> unknown, List<String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append(unknown.size() == 1 ? "a label that is not a class: " : unknown.size() + " labels that are not"
                + " classes: ");
        int shown = 0;
        for (Map.Entry<String, Long> e : unknown.entrySet()) {
            if (shown == MAX_LISTED) {
                sb.append(", ... (").append(unknown.size() - MAX_LISTED).append(" more)");
                break;
            }
            if (shown > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "'%s' (first on line %d)", e.getKey(), e.getValue()));
            shown++;
        }
        sb.append("; expected one of the classes: ").append(String.join(", ", names));
        if (allIndices(unknown.keySet(), names.size())) {
            sb.append(" (these look like 0-based class indices: the label column must hold the class names used"
                    + " as score column headers)");
        }
        return sb.toString();
    }

    private static boolean allIndices(Iterable<String> labels, int k) {
        for (String label : labels) {
            try {
                int i = Integer.parseInt(label);
                if (i < 0 || i >= k) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}

package org.discern.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads multi-label predictions from a delimited file (CSV/TSV, optionally gzip; see
 * {@link DelimitedFile}) with, for each label name, a {@code label_<name>} column of 0/1 and a
 * {@code score_<name>} column:
 *
 * <pre>
 * label_red,label_blue,score_red,score_blue
 * 1,0,0.8,0.3
 * </pre>
 *
 * Labels are taken in the order of their {@code label_} columns. A column named {@code weight}
 * (or the one given to {@link #weightColumn(String)}) holds sample weights; other columns are
 * ignored. A label cell must be 0 or 1 (also written {@code 0.0}, {@code 1.0}). Every error is an
 * {@link InputException} with file, line, column, what was expected and what was found. An id
 * column ({@link #idColumn(String)}) is read as row ids. Reached through {@link PredictionReader}.
 */
final class MultiLabelCsvReader {
    private String weightColumn = InputSpec.DEFAULT_WEIGHT_COLUMN;
    private boolean weightRequired;
    private String idColumn;
    private List<String> textColumns = List.of();
    private ProgressListener progress = ProgressListener.NONE;
    private boolean dropInvalid;

    private MultiLabelCsvReader() {
    }

    /** A reader with the defaults: weights from a {@code weight} column if present. */
    static MultiLabelCsvReader create() {
        return new MultiLabelCsvReader();
    }

    /** A reader with the settings of {@code spec}. */
    static MultiLabelCsvReader of(InputSpec spec) {
        return create().weightColumn(spec.weightColumn()).idColumn(spec.idColumn()).textColumns(spec.textColumns())
                .progress(spec.progress()).dropInvalid(spec.dropInvalid());
    }

    /** Name of the id column, or null for none. */
    MultiLabelCsvReader idColumn(String column) {
        this.idColumn = column;
        return this;
    }

    /**
     * Name of the weight column, which must then exist; null for the default (a column named
     * {@code weight} if there is one).
     */
    MultiLabelCsvReader weightColumn(String column) {
        this.weightColumn = column == null ? InputSpec.DEFAULT_WEIGHT_COLUMN : column;
        this.weightRequired = column != null;
        return this;
    }

    /**
     * The label names of a header: the suffixes of its {@code label_} columns, each of which must
     * have a {@code score_} partner (and every {@code score_} column a {@code label_} partner).
     */
    static List<String> pairs(String file, List<String> header) throws InputException {
        List<String> names = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        java.util.Set<String> columns = new java.util.HashSet<>(header);
        for (String h : header) {
            if (h.startsWith(Layout.LABEL_PREFIX) && h.length() > Layout.LABEL_PREFIX.length()) {
                String name = h.substring(Layout.LABEL_PREFIX.length());
                names.add(name);
                if (!columns.contains(Layout.SCORE_PREFIX + name)) {
                    unpaired.add(h + " (no " + Layout.SCORE_PREFIX + name + ")");
                }
            } else if (h.startsWith(Layout.SCORE_PREFIX) && h.length() > Layout.SCORE_PREFIX.length()) {
                String name = h.substring(Layout.SCORE_PREFIX.length());
                if (!columns.contains(Layout.LABEL_PREFIX + name)) {
                    unpaired.add(h + " (no " + Layout.LABEL_PREFIX + name + ")");
                }
            }
        }
        if (!unpaired.isEmpty()) {
            throw new InputException(file, 1, null, "expected label_<name> and score_<name> columns in pairs;"
                    + " unpaired: " + String.join(", ", unpaired));
        }
        if (names.isEmpty()) {
            throw new InputException(file, 1, null, "expected label_<name> and score_<name> columns, found: "
                    + String.join(", ", header));
        }
        return names;
    }

    /** Text columns to read beside the predictions (group and fold columns); empty for none. */
    MultiLabelCsvReader textColumns(List<String> columns) {
        this.textColumns = columns;
        return this;
    }

    /** Leave out rows with a score that is not a finite number (default: they are errors). */
    MultiLabelCsvReader dropInvalid(boolean drop) {
        this.dropInvalid = drop;
        return this;
    }

    /** Where to report reading progress (default: nowhere). */
    MultiLabelCsvReader progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /**
     * Reads the file.
     *
     * @throws InputException with file, line and column on any problem with the data
     */
    MultiLabelPredictions read(Path path) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(path)) {
            return read(f);
        }
    }

    /** Reads the records of an open file (its header already read). */
    MultiLabelPredictions read(DelimitedFile f) throws IOException {
        f.onProgress(progress);
        List<String> names = pairs(f.name(), f.header());
        int l = names.size();
        int[] labelColumns = new int[l];
        int[] scoreColumns = new int[l];
        for (int j = 0; j < l; j++) {
            labelColumns[j] = f.columnIndex(Layout.LABEL_PREFIX + names.get(j));
            scoreColumns[j] = f.columnIndex(Layout.SCORE_PREFIX + names.get(j));
        }
        int wi = weightRequired ? f.requireColumn(weightColumn, "weights") : f.columnIndex(weightColumn);
        RowExtras extras = RowExtras.of(f, wi, idColumn).text(f, textColumns);
        int capacity = MultiClassCsvReader.initialCapacity(l);
        boolean[] indicator = new boolean[capacity * l];
        double[] scores = new double[capacity * l];
        InputRows.Builder positions = InputRows.builder(InputRows.Place.LINE);
        int n = 0;
        while (f.next()) {
            if (n == capacity) {
                capacity = MultiClassCsvReader.grow(f.name(), capacity, l);
                indicator = Arrays.copyOf(indicator, capacity * l);
                scores = Arrays.copyOf(scores, capacity * l);
            }
            int base = n * l;
            boolean valid = true;
            for (int j = 0; j < l; j++) {
                double y = f.number(labelColumns[j]);
                if (y != 0 && y != 1) {
                    throw f.error(labelColumns[j], "expected 0 or 1, found '" + f.field(labelColumns[j]) + "'");
                }
                indicator[base + j] = y == 1;
                double v = dropInvalid ? f.numberOrNaN(scoreColumns[j]) : f.number(scoreColumns[j]);
                valid &= !Double.isNaN(v);
                scores[base + j] = v;
            }
            if (!valid) {
                positions.drop(f.line()); // its labels were checked: they stay errors
                continue;
            }
            positions.keep(f.line());
            extras.add(f);
            n++;
        }
        RowExtras.requireRows(f, n, positions);
        ScoreMatrix s = ScoreMatrix.wrap(Arrays.copyOf(scores, n * l), n, l);
        return MultiLabelPredictions.of(Arrays.copyOf(indicator, n * l), names, s, extras.weights())
                .withSource(f.name(), extras.ids()).withTextColumns(extras.textColumns())
                .withInputRows(positions.build());
    }
}

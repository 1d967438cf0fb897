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
 * {@link InputException} with file, line, column, what was expected and what was found.
 */
public final class MultiLabelCsvReader {
    private String weightColumn = "weight";
    private boolean weightRequired;
    private ProgressListener progress = ProgressListener.NONE;

    private MultiLabelCsvReader() {
    }

    /** A reader with the defaults: weights from a {@code weight} column if present. */
    public static MultiLabelCsvReader create() {
        return new MultiLabelCsvReader();
    }

    /**
     * Name of the weight column, which must then exist; null for the default (a column named
     * {@code weight} if there is one).
     */
    public MultiLabelCsvReader weightColumn(String column) {
        this.weightColumn = column == null ? "weight" : column;
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
            if (h.startsWith(CsvLayout.LABEL_PREFIX) && h.length() > CsvLayout.LABEL_PREFIX.length()) {
                String name = h.substring(CsvLayout.LABEL_PREFIX.length());
                names.add(name);
                if (!columns.contains(CsvLayout.SCORE_PREFIX + name)) {
                    unpaired.add(h + " (no " + CsvLayout.SCORE_PREFIX + name + ")");
                }
            } else if (h.startsWith(CsvLayout.SCORE_PREFIX) && h.length() > CsvLayout.SCORE_PREFIX.length()) {
                String name = h.substring(CsvLayout.SCORE_PREFIX.length());
                if (!columns.contains(CsvLayout.LABEL_PREFIX + name)) {
                    unpaired.add(h + " (no " + CsvLayout.LABEL_PREFIX + name + ")");
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

    /** Where to report reading progress (default: nowhere). */
    public MultiLabelCsvReader progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /**
     * Reads the file.
     *
     * @throws InputException with file, line and column on any problem with the data
     */
    public MultiLabelPredictions read(Path path) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(path)) {
            f.onProgress(progress);
            List<String> names = pairs(f.name(), f.header());
            int l = names.size();
            int[] labelColumns = new int[l];
            int[] scoreColumns = new int[l];
            for (int j = 0; j < l; j++) {
                labelColumns[j] = f.columnIndex(CsvLayout.LABEL_PREFIX + names.get(j));
                scoreColumns[j] = f.columnIndex(CsvLayout.SCORE_PREFIX + names.get(j));
            }
            int wi = weightRequired ? f.requireColumn(weightColumn, "weights") : f.columnIndex(weightColumn);
            int capacity = MultiClassCsvReader.initialCapacity(l);
            boolean[] indicator = new boolean[capacity * l];
            double[] scores = new double[capacity * l];
            double[] weights = wi < 0 ? null : new double[capacity];
            int n = 0;
            while (f.next()) {
                if (n == capacity) {
                    capacity = MultiClassCsvReader.grow(f.name(), capacity, l);
                    indicator = Arrays.copyOf(indicator, capacity * l);
                    scores = Arrays.copyOf(scores, capacity * l);
                    if (weights != null) {
                        weights = Arrays.copyOf(weights, capacity);
                    }
                }
                int base = n * l;
                for (int j = 0; j < l; j++) {
                    double y = f.number(labelColumns[j]);
                    if (y != 0 && y != 1) {
                        throw f.error(labelColumns[j], "expected 0 or 1, found '" + f.field(labelColumns[j]) + "'");
                    }
                    indicator[base + j] = y == 1;
                    scores[base + j] = f.number(scoreColumns[j]);
                }
                if (weights != null) {
                    weights[n] = f.weight(wi);
                }
                n++;
            }
            if (n == 0) {
                throw new InputException(f.name(), 2, null, "expected at least one data row, found none");
            }
            ScoreMatrix s = ScoreMatrix.wrap(Arrays.copyOf(scores, n * l), n, l);
            return MultiLabelPredictions.of(Arrays.copyOf(indicator, n * l), names, s,
                    weights == null ? null : Arrays.copyOf(weights, n));
        }
    }
}

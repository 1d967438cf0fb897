package org.discern.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads binary predictions from a delimited file with a header row: a label column, a score
 * column, an optional weight column and an optional id column, chosen by name. Reached through
 * {@link PredictionReader}, which opens the file once, detects the layout and hands it here.
 *
 * <p>The positive label: the value given with {@link #positive(String)} (compared as text, or
 * numerically when both are numbers: {@code 1} matches {@code 1.0}); otherwise {@code 1}, or
 * {@code true} / {@code yes} (case-insensitive) when the labels are two such values. Anything
 * else is an error that lists the labels found.
 */
final class BinaryCsvReader {
    private String labelColumn = InputSpec.DEFAULT_LABEL_COLUMN;
    private String scoreColumn = InputSpec.DEFAULT_SCORE_COLUMN;
    private String weightColumn;
    private String idColumn;
    private String positive;
    private List<String> textColumns = List.of();
    private ProgressListener progress = ProgressListener.NONE;
    private boolean dropInvalid;
    private List<String> alsoFinite = List.of();

    private BinaryCsvReader() {
    }

    /** A reader with the defaults: columns {@code label} and {@code score}, no weights. */
    static BinaryCsvReader create() {
        return new BinaryCsvReader();
    }

    /** A reader with the settings of {@code spec}. */
    static BinaryCsvReader of(InputSpec spec) {
        return create().labelColumn(spec.labelColumn()).scoreColumn(spec.scoreColumn())
                .weightColumn(spec.weightColumn()).idColumn(spec.idColumn()).positive(spec.positive())
                .textColumns(spec.textColumns()).progress(spec.progress()).dropInvalid(spec.dropInvalid()).alsoFinite(spec.alsoFinite());
    }

    /** Name of the label column. */
    BinaryCsvReader labelColumn(String column) {
        this.labelColumn = column;
        return this;
    }

    /** Name of the score column. */
    BinaryCsvReader scoreColumn(String column) {
        this.scoreColumn = column;
        return this;
    }

    /** Name of the weight column, or null for none. */
    BinaryCsvReader weightColumn(String column) {
        this.weightColumn = column;
        return this;
    }

    /** Name of the id column, or null for none. */
    BinaryCsvReader idColumn(String column) {
        this.idColumn = column;
        return this;
    }

    /** The label value that is positive, or null for the default rule. */
    BinaryCsvReader positive(String value) {
        this.positive = value;
        return this;
    }

    /** Text columns to read beside the predictions (group and fold columns); empty for none. */
    BinaryCsvReader textColumns(List<String> columns) {
        this.textColumns = columns;
        return this;
    }

    /** Leave out rows whose score is not a finite number (default: they are errors). */
    BinaryCsvReader dropInvalid(boolean drop) {
        this.dropInvalid = drop;
        return this;
    }

    /** Further score columns whose invalid values drop a row too, with {@link #dropInvalid}. */
    BinaryCsvReader alsoFinite(List<String> columns) {
        this.alsoFinite = columns;
        return this;
    }

    /** Where to report reading progress (default: nowhere). */
    BinaryCsvReader progress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Reads the file.
     *
     * @throws InputException with file, line and column on any problem with the data
     */
    BinaryPredictions read(Path path) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(path)) {
            return read(f);
        }
    }

    /** Reads the records of an open file (its header already read). */
    BinaryPredictions read(DelimitedFile f) throws IOException {
        f.onProgress(progress);
        int li = f.requireColumn(labelColumn, "labels");
        int si = f.requireColumn(scoreColumn, "scores", labelColumn);
        int wi = weightColumn == null ? -1 : f.requireColumn(weightColumn, "weights", labelColumn, scoreColumn);
        RowExtras extras = RowExtras.of(f, wi, idColumn, labelColumn, scoreColumn)
                .text(f, textColumns, labelColumn, scoreColumn);
        double[] scores = new double[1024];
        // label values are few: map each distinct text to a small code
        Map<String, Integer> codes = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        int[] labelCodes = new int[1024];
        InputRows.Builder positions = InputRows.builder(InputRows.Place.LINE);
        int[] also = alsoFinite.stream().mapToInt(f::columnIndex).filter(i -> i >= 0).toArray();
        int n = 0;
        while (f.next()) {
            if (n == scores.length) {
                int cap = scores.length * 2;
                scores = Arrays.copyOf(scores, cap);
                labelCodes = Arrays.copyOf(labelCodes, cap);
            }
            String label = f.field(li).strip();
            if (label.isEmpty()) {
                throw f.error(li, "expected a label, found an empty field");
            }
            Integer code = codes.get(label);
            if (code == null) {
                code = codes.size();
                codes.put(label, code);
                firstLine.put(label, f.line());
            }
            labelCodes[n] = code;
            // the label of a dropped row is checked and counted like any other: an invalid label stays an error
            double score = dropInvalid ? f.numberOrNaN(si) : f.number(si);
            for (int c = 0; dropInvalid && c < also.length && !Double.isNaN(score); c++) {
                score = Double.isNaN(f.numberOrNaN(also[c])) ? Double.NaN : score;
            }
            if (Double.isNaN(score)) {
                positions.drop(f.line());
                continue;
            }
            positions.keep(f.line());
            scores[n] = score;
            extras.add(f);
            n++;
        }
        RowExtras.requireRows(f, n, positions);
        List<String> values = new ArrayList<>(codes.keySet());
        String pos = resolvePositive(f.name(), values, firstLine);
        boolean[] labels = new boolean[n];
        boolean[] isPositive = new boolean[values.size()];
        for (int c = 0; c < values.size(); c++) {
            isPositive[c] = sameLabel(values.get(c), pos);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = isPositive[labelCodes[i]];
        }
        return new BinaryPredictions(f.name(), Arrays.copyOf(scores, n), labels, extras.weights(), pos, values,
                extras.ids()).withTextColumns(extras.textColumns()).withInputRows(positions.build());
    }

    String resolvePositive(String file, List<String> values, Map<String, Long> firstLine)
            throws InputException {
        return resolvePositive(file, values, firstLine, "line");
    }

    /** As above; {@code place} names where a value was first seen ("line", or "row" for Parquet). */
    String resolvePositive(String file, List<String> values, Map<String, Long> firstLine, String place)
            throws InputException {
        return PositiveLabel.resolve(file, labelColumn, values, firstLine, positive, place);
    }

    /** Labels match as text (case-insensitive for words) or as numbers. */
    static boolean sameLabel(String value, String wanted) {
        return PositiveLabel.matches(value, wanted);
    }
}

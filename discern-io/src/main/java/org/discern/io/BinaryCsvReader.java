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
 * column and an optional weight column, chosen by name.
 *
 * <p>The positive label: the value given with {@link #positive(String)} (compared as text, or
 * numerically when both are numbers: {@code 1} matches {@code 1.0}); otherwise {@code 1}, or
 * {@code true} / {@code yes} (case-insensitive) when the labels are two such values. Anything
 * else is an error that lists the labels found.
 */
public final class BinaryCsvReader {
    private String labelColumn = "label";
    private String scoreColumn = "score";
    private String weightColumn;
    private String positive;
    private ProgressListener progress = ProgressListener.NONE;

    private BinaryCsvReader() {
    }

    /** A reader with the defaults: columns {@code label} and {@code score}, no weights. */
    public static BinaryCsvReader create() {
        return new BinaryCsvReader();
    }

    /** Name of the label column. */
    public BinaryCsvReader labelColumn(String column) {
        this.labelColumn = column;
        return this;
    }

    /** Name of the score column. */
    public BinaryCsvReader scoreColumn(String column) {
        this.scoreColumn = column;
        return this;
    }

    /** Name of the weight column, or null for none. */
    public BinaryCsvReader weightColumn(String column) {
        this.weightColumn = column;
        return this;
    }

    /** The label value that is positive, or null for the default rule. */
    public BinaryCsvReader positive(String value) {
        this.positive = value;
        return this;
    }

    /** Where to report reading progress (default: nowhere). */
    public BinaryCsvReader progress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Reads the file.
     *
     * @throws InputException with file, line and column on any problem with the data
     */
    public BinaryPredictions read(Path path) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(path)) {
            f.onProgress(progress);
            int li = f.requireColumn(labelColumn, "labels");
            int si = f.requireColumn(scoreColumn, "scores");
            int wi = weightColumn == null ? -1 : f.requireColumn(weightColumn, "weights");
            double[] scores = new double[1024];
            double[] weights = wi < 0 ? null : new double[1024];
            // label values are few: map each distinct text to a small code
            Map<String, Integer> codes = new LinkedHashMap<>();
            Map<String, Long> firstLine = new LinkedHashMap<>();
            int[] labelCodes = new int[1024];
            int n = 0;
            while (f.next()) {
                if (n == scores.length) {
                    int cap = scores.length * 2;
                    scores = Arrays.copyOf(scores, cap);
                    labelCodes = Arrays.copyOf(labelCodes, cap);
                    if (weights != null) {
                        weights = Arrays.copyOf(weights, cap);
                    }
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
                scores[n] = f.number(si);
                if (weights != null) {
                    weights[n] = f.weight(wi);
                }
                n++;
            }
            if (n == 0) {
                throw new InputException(f.name(), 2, null, "expected at least one data row, found none");
            }
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
            return new BinaryPredictions(f.name(), Arrays.copyOf(scores, n), labels,
                    weights == null ? null : Arrays.copyOf(weights, n), pos, values);
        }
    }

    private String resolvePositive(String file, List<String> values, Map<String, Long> firstLine)
            throws InputException {
        return PositiveLabel.resolve(file, labelColumn, values, firstLine, positive);
    }

    /** Labels match as text (case-insensitive for words) or as numbers. */
    static boolean sameLabel(String value, String wanted) {
        return PositiveLabel.matches(value, wanted);
    }
}

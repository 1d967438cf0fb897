package org.discern.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a prediction file's columns are laid out, detected from its header row:
 *
 * <ol>
 *   <li>{@link #MULTILABEL} when there are {@code label_<name>} columns and {@code score_<name>}
 *       columns (every {@code label_} column needs its {@code score_} partner and vice versa);</li>
 *   <li>{@link #BINARY} when there are a label column and a score column ({@code label},
 *       {@code score});</li>
 *   <li>{@link #MULTICLASS} when there is a label column and at least two other columns, a weight
 *       column not counted (each other column is the score of the class it names);</li>
 *   <li>otherwise an {@link InputException} saying what was found.</li>
 * </ol>
 *
 * A command-line option can name the layout instead ({@link #parse(String)}).
 */
public enum CsvLayout {
    /** {@code label,score} (plus optional weight and other columns). */
    BINARY,
    /** {@code label} holding class names, one score column per class, optional {@code weight}. */
    MULTICLASS,
    /** {@code label_<name>} 0/1 columns with matching {@code score_<name>} columns. */
    MULTILABEL;

    /** Prefix of a multi-label indicator column. */
    public static final String LABEL_PREFIX = "label_";
    /** Prefix of a multi-label score column. */
    public static final String SCORE_PREFIX = "score_";

    /**
     * The layout of {@code file}, from its header row with the default column names
     * ({@code label}, {@code score}, {@code weight}).
     *
     * @throws InputException when the file cannot be opened as CSV/TSV or no layout fits
     */
    public static CsvLayout detect(Path file) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(file)) {
            return detect(f.name(), f.header(), "label", "score", "weight");
        }
    }

    /**
     * The layout of a header.
     *
     * @param file file name for the error message
     * @param header column names
     * @param labelColumn name of the label column (binary and multi-class)
     * @param scoreColumn name of the binary score column
     * @param weightColumn name of the weight column (never a class), or null
     * @throws InputException when no layout fits, or label_/score_ columns do not pair up
     */
    public static CsvLayout detect(String file, List<String> header, String labelColumn, String scoreColumn,
            String weightColumn) throws InputException {
        List<String> labels = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (String h : header) {
            if (h.startsWith(LABEL_PREFIX) && h.length() > LABEL_PREFIX.length()) {
                labels.add(h.substring(LABEL_PREFIX.length()));
            } else if (h.startsWith(SCORE_PREFIX) && h.length() > SCORE_PREFIX.length()) {
                scores.add(h.substring(SCORE_PREFIX.length()));
            }
        }
        if (!labels.isEmpty() && !scores.isEmpty()) {
            MultiLabelCsvReader.pairs(file, header);
            return MULTILABEL;
        }
        boolean hasLabel = header.contains(labelColumn);
        if (hasLabel && header.contains(scoreColumn)) {
            return BINARY;
        }
        int others = 0;
        for (String h : header) {
            if (!h.equals(labelColumn) && !h.equals(weightColumn)) {
                others++;
            }
        }
        if (hasLabel && others >= 2) {
            return MULTICLASS;
        }
        throw new InputException(file, 1, null, String.format(Locale.ROOT,
                "cannot tell the layout from the header %s; expected '%s,%s' (binary), '%s' plus one score"
                        + " column per class (multi-class) or label_<name> and score_<name> columns (multi-label)",
                String.join(",", header), labelColumn, scoreColumn, labelColumn));
    }

    /**
     * The layout named by an option value: {@code binary}, {@code multiclass} or {@code multilabel}
     * (case-insensitive; {@code multi-class} and {@code multi-label} also accepted).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static CsvLayout parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (v) {
            case "binary":
                return BINARY;
            case "multiclass":
                return MULTICLASS;
            case "multilabel":
                return MULTILABEL;
            default:
                throw new IllegalArgumentException("layout must be binary, multiclass or multilabel, got '"
                        + value + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

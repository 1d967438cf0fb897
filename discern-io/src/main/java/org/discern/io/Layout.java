package org.discern.io;

import java.util.Locale;

/**
 * The three shapes prediction data comes in. Which one an input has is decided in one place,
 * {@link LayoutDetector}, from a table's column names or from the shapes of NumPy arrays; a
 * command-line option can name it instead ({@link #parse(String)}).
 */
public enum Layout {
    /** One score per sample and a two-valued label ({@code label,score}, optional weight). */
    BINARY,
    /** One true class per sample and one score per class ({@code label} + one column per class). */
    MULTICLASS,
    /** Any number of true labels per sample ({@code label_<name>} 0/1 and {@code score_<name>} columns). */
    MULTILABEL;

    /** Prefix of a multi-label indicator column. */
    public static final String LABEL_PREFIX = "label_";
    /** Prefix of a multi-label score column. */
    public static final String SCORE_PREFIX = "score_";

    /**
     * The layout named by an option value: {@code binary}, {@code multiclass} or {@code multilabel}
     * (case-insensitive; {@code multi-class} and {@code multi-label} also accepted).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Layout parse(String value) {
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

    /** The name as written in JSON ({@code "task"}) and in messages: binary, multiclass, multilabel. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

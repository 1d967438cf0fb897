package org.discern.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to read and how: the input of {@link PredictionReader#read(InputSpec)}. Immutable; built
 * with {@link #builder()}.
 *
 * <p>The source is either one file ({@link Builder#file(Path)}: CSV or TSV, optionally gzip, or a
 * NumPy {@code .npz} archive, told apart by content) or a pair of NumPy {@code .npy} files
 * ({@link Builder#numpy(Path, Path, Path)}). Every other setting is optional; an unset setting
 * takes the default documented on its accessor, and every default is defined here, once. Settings
 * that the source's format cannot use (a column name for a NumPy input, an archive key for a CSV
 * file) are refused with an {@link InputOptionException}, never silently ignored.
 */
public final class InputSpec {
    /** Default label column of a table. */
    public static final String DEFAULT_LABEL_COLUMN = "label";
    /** Default score column of a binary table. */
    public static final String DEFAULT_SCORE_COLUMN = "score";
    /** Name of the column that holds weights in a multi-class or multi-label table, if present. */
    public static final String DEFAULT_WEIGHT_COLUMN = "weight";
    /** Default key of the labels in an {@code .npz} archive. */
    public static final String DEFAULT_LABELS_KEY = "y_true";
    /** Default key of the scores in an {@code .npz} archive. */
    public static final String DEFAULT_SCORES_KEY = "y_score";

    private final Path file;
    private final Path labelsNpy;
    private final Path scoresNpy;
    private final Path weightsNpy;
    private final String labelsKey;
    private final String scoresKey;
    private final String weightsKey;
    private final Path classNamesFile;
    private final List<String> classNames;
    private final Layout layout;
    private final String labelColumn;
    private final String scoreColumn;
    private final String weightColumn;
    private final String positive;
    private final List<String> classes;
    private final String idColumn;
    private final List<String> groupColumns;
    private final String foldColumn;
    private final ProgressListener progress;
    private final boolean dropInvalid;
    private final List<String> alsoFinite;
    private final boolean evaluationOnly;

    private InputSpec(Builder b) {
        this.file = b.file;
        this.labelsNpy = b.labelsNpy;
        this.scoresNpy = b.scoresNpy;
        this.weightsNpy = b.weightsNpy;
        this.labelsKey = b.labelsKey;
        this.scoresKey = b.scoresKey;
        this.weightsKey = b.weightsKey;
        this.classNamesFile = b.classNamesFile;
        this.classNames = b.classNames == null ? null : List.copyOf(b.classNames);
        this.layout = b.layout;
        this.labelColumn = b.labelColumn;
        this.scoreColumn = b.scoreColumn;
        this.weightColumn = b.weightColumn;
        this.positive = b.positive;
        this.classes = b.classes == null ? null : List.copyOf(b.classes);
        this.idColumn = b.idColumn;
        this.groupColumns = b.groupColumns == null ? null : List.copyOf(b.groupColumns);
        this.foldColumn = b.foldColumn;
        this.progress = b.progress == null ? ProgressListener.NONE : b.progress;
        this.dropInvalid = b.dropInvalid;
        this.alsoFinite = b.alsoFinite == null ? List.of() : List.copyOf(b.alsoFinite);
        this.evaluationOnly = b.evaluationOnly;
    }

    /** A new builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's settings, to derive another spec (e.g. a second file). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.file = file;
        b.labelsNpy = labelsNpy;
        b.scoresNpy = scoresNpy;
        b.weightsNpy = weightsNpy;
        b.labelsKey = labelsKey;
        b.scoresKey = scoresKey;
        b.weightsKey = weightsKey;
        b.classNamesFile = classNamesFile;
        b.classNames = classNames;
        b.layout = layout;
        b.labelColumn = labelColumn;
        b.scoreColumn = scoreColumn;
        b.weightColumn = weightColumn;
        b.positive = positive;
        b.classes = classes;
        b.idColumn = idColumn;
        b.groupColumns = groupColumns;
        b.foldColumn = foldColumn;
        b.progress = progress;
        b.dropInvalid = dropInvalid;
        b.alsoFinite = alsoFinite;
        b.evaluationOnly = evaluationOnly;
        return b;
    }

    /** The one file to read (CSV/TSV/gzip/{@code .npz}), or null for a NumPy pair. */
    public Path file() {
        return file;
    }

    /** The labels {@code .npy} of a NumPy pair, or null. */
    public Path labelsNpy() {
        return labelsNpy;
    }

    /** The scores {@code .npy} of a NumPy pair, or null. */
    public Path scoresNpy() {
        return scoresNpy;
    }

    /** The weights {@code .npy} of a NumPy pair, or null for unweighted. */
    public Path weightsNpy() {
        return weightsNpy;
    }

    /** Key of the labels in an {@code .npz} archive (default {@value #DEFAULT_LABELS_KEY}). */
    public String labelsKey() {
        return labelsKey != null ? labelsKey : DEFAULT_LABELS_KEY;
    }

    /** Key of the scores in an {@code .npz} archive (default {@value #DEFAULT_SCORES_KEY}). */
    public String scoresKey() {
        return scoresKey != null ? scoresKey : DEFAULT_SCORES_KEY;
    }

    /** Key of the weights in an {@code .npz} archive, or null for unweighted. */
    public String weightsKey() {
        return weightsKey;
    }

    /** File of class names for NumPy input (one per line), or null. */
    public Path classNamesFile() {
        return classNamesFile;
    }

    /** Class names for NumPy input given directly, or null (then "0".."K-1" unless a file is given). */
    public List<String> classNames() {
        return classNames;
    }

    /** The layout to read, or null to detect it. */
    public Layout layout() {
        return layout;
    }

    /** Label column of a table (default {@value #DEFAULT_LABEL_COLUMN}). */
    public String labelColumn() {
        return labelColumn != null ? labelColumn : DEFAULT_LABEL_COLUMN;
    }

    /** Score column of a binary table (default {@value #DEFAULT_SCORE_COLUMN}). */
    public String scoreColumn() {
        return scoreColumn != null ? scoreColumn : DEFAULT_SCORE_COLUMN;
    }

    /** Whether a score column was named: then a table is binary unless the layout is given. */
    public boolean scoreColumnGiven() {
        return scoreColumn != null;
    }

    /**
     * Weight column of a table, or null for the default: a binary table is unweighted, a
     * multi-class or multi-label table takes its weights from a column named
     * {@value #DEFAULT_WEIGHT_COLUMN} when it has one.
     */
    public String weightColumn() {
        return weightColumn;
    }

    /** The positive label value of a binary table, or null for the default rule (1, true, yes). */
    public String positive() {
        return positive;
    }

    /** The score columns that are the classes of a multi-class table, in order; or null for all. */
    public List<String> classes() {
        return classes;
    }

    /** Column of row ids (unique; never a score or a class), or null. */
    public String idColumn() {
        return idColumn;
    }

    /** Group columns to read as text beside the predictions ({@code --group}), or null for none. */
    public List<String> groupColumns() {
        return groupColumns;
    }

    /** Fold column to read as text beside the predictions ({@code --fold}), or null for none. */
    public String foldColumn() {
        return foldColumn;
    }

    /**
     * Every text column to read beside the predictions ({@link Predictions#textColumns()}): the
     * group columns, then the fold column, each once; empty for none.
     */
    public List<String> textColumns() {
        List<String> out = new ArrayList<>();
        if (groupColumns != null) {
            groupColumns.stream().filter(c -> !out.contains(c)).forEach(out::add);
        }
        if (foldColumn != null && !out.contains(foldColumn)) {
            out.add(foldColumn);
        }
        return out;
    }

    /** Where reading progress goes. */
    public ProgressListener progress() {
        return progress;
    }

    /**
     * Whether rows whose score is not a finite number (NaN, infinite, empty, not a number) are
     * left out, counted and named in {@link InputRows#droppedWarning}, instead of being an error
     * (default false). Labels and weights that are not valid stay errors.
     */
    public boolean dropInvalid() {
        return dropInvalid;
    }

    /**
     * Whether the caller needs of binary predictions nothing but {@link BinaryPredictions#evaluation()}
     * (default false): then the reader may evaluate unweighted binary rows as it reads them and
     * keep no row ({@link BinaryPredictions#rowsKept()} false; the CSV fast path does, so that a
     * file is never held twice: docs/PERFORMANCE.md, "Memory per row"; so do NumPy arrays, from
     * {@code .npy} pairs and {@code .npz} archives, without {@code --drop-invalid}). Other layouts,
     * weighted input and the other readers ignore it.
     */
    public boolean evaluationOnly() {
        return evaluationOnly;
    }

    /**
     * Further score columns of a binary table read beside it ({@code compare} of several
     * {@code --score} columns, {@link ExtraColumns}): with {@link #dropInvalid()}, a row is left
     * out when any of them is not a finite number either, so that every column keeps the same
     * rows. Empty by default.
     */
    public List<String> alsoFinite() {
        return alsoFinite;
    }

    /** Every input file named by this spec (for refusing to write over one). */
    public List<Path> inputs() {
        List<Path> out = new ArrayList<>();
        for (Path p : new Path[] {file, labelsNpy, scoresNpy, weightsNpy, classNamesFile}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Settings that only a table (CSV, TSV) can use, with the command-line option naming each. */
    List<String> columnSettings() {
        List<String> given = new ArrayList<>();
        add(given, labelColumn, "--label");
        add(given, scoreColumn, "--score");
        add(given, weightColumn, "--weight");
        add(given, positive, "--positive");
        add(given, classes, "--classes");
        add(given, idColumn, "--id");
        add(given, groupColumns, "--group");
        add(given, foldColumn, "--fold");
        return given;
    }

    /** Settings that only NumPy input can use, with the command-line option naming each. */
    List<String> numpySettings() {
        List<String> given = new ArrayList<>();
        add(given, classNamesFile, "--class-names");
        add(given, classNames, "--class-names");
        return given;
    }

    /** Settings that only an {@code .npz} archive can use. */
    List<String> archiveSettings() {
        List<String> given = new ArrayList<>();
        add(given, labelsKey, "--labels-key");
        add(given, scoresKey, "--scores-key");
        add(given, weightsKey, "--weights-key");
        return given;
    }

    private static void add(List<String> given, Object value, String option) {
        if (value != null && !given.contains(option)) {
            given.add(option);
        }
    }

    /** Collects the settings of an {@link InputSpec}; null means "not set" everywhere. */
    public static final class Builder {
        private Path file;
        private Path labelsNpy;
        private Path scoresNpy;
        private Path weightsNpy;
        private String labelsKey;
        private String scoresKey;
        private String weightsKey;
        private Path classNamesFile;
        private List<String> classNames;
        private Layout layout;
        private String labelColumn;
        private String scoreColumn;
        private String weightColumn;
        private String positive;
        private List<String> classes;
        private String idColumn;
        private List<String> groupColumns;
        private String foldColumn;
        private ProgressListener progress;
        private boolean dropInvalid;
        private List<String> alsoFinite;
        private boolean evaluationOnly;

        private Builder() {
        }

        /** Read one file: CSV or TSV (optionally gzip) or an {@code .npz} archive, told apart by content. */
        public Builder file(Path path) {
            this.file = path;
            this.labelsNpy = null;
            this.scoresNpy = null;
            this.weightsNpy = null;
            return this;
        }

        /** Read a NumPy pair: labels and scores {@code .npy} files, and optional weights (null). */
        public Builder numpy(Path labels, Path scores, Path weights) {
            this.labelsNpy = Objects.requireNonNull(labels, "labels");
            this.scoresNpy = Objects.requireNonNull(scores, "scores");
            this.weightsNpy = weights;
            this.file = null;
            return this;
        }

        /** Keys of the arrays in an {@code .npz} archive; null leaves a key at its default. */
        public Builder npzKeys(String labels, String scores, String weights) {
            this.labelsKey = labels;
            this.scoresKey = scores;
            this.weightsKey = weights;
            return this;
        }

        /** File of class names, one per line, for NumPy input; null for none. */
        public Builder classNamesFile(Path names) {
            this.classNamesFile = names;
            return this;
        }

        /** Class names for NumPy input; null for none. */
        public Builder classNames(List<String> names) {
            this.classNames = names;
            return this;
        }

        /** The layout, or null to detect it. */
        public Builder layout(Layout value) {
            this.layout = value;
            return this;
        }

        /** Label column of a table; null for the default. */
        public Builder labelColumn(String column) {
            this.labelColumn = column;
            return this;
        }

        /** Score column of a binary table; null for the default. */
        public Builder scoreColumn(String column) {
            this.scoreColumn = column;
            return this;
        }

        /** Weight column of a table; null for the default (see {@link InputSpec#weightColumn()}). */
        public Builder weightColumn(String column) {
            this.weightColumn = column;
            return this;
        }

        /** Positive label value of a binary table; null for the default rule. */
        public Builder positive(String value) {
            this.positive = value;
            return this;
        }

        /** Score columns that are the classes of a multi-class table; null for all. */
        public Builder classes(List<String> names) {
            this.classes = names;
            return this;
        }

        /** Column of row ids; null for none. */
        public Builder idColumn(String column) {
            this.idColumn = column;
            return this;
        }

        /**
         * Group columns to read as text beside the predictions; null or empty for none. A NumPy
         * input has no columns: it is refused there.
         */
        public Builder groupColumns(List<String> columns) {
            this.groupColumns = columns == null || columns.isEmpty() ? null : columns;
            return this;
        }

        /** Fold column to read as text beside the predictions; null for none (refused for NumPy input). */
        public Builder foldColumn(String column) {
            this.foldColumn = column;
            return this;
        }

        /** Where reading progress goes; null for nowhere. */
        public Builder progress(ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /** Leave out rows whose score is not a finite number, instead of refusing the input. */
        public Builder dropInvalid(boolean drop) {
            this.dropInvalid = drop;
            return this;
        }

        /** Only the evaluation of binary predictions is needed (see {@link InputSpec#evaluationOnly()}). */
        public Builder evaluationOnly(boolean only) {
            this.evaluationOnly = only;
            return this;
        }

        /** Further score columns whose invalid values drop a row too (see {@link InputSpec#alsoFinite()}). */
        public Builder alsoFinite(List<String> columns) {
            this.alsoFinite = columns;
            return this;
        }

        /**
         * The spec.
         *
         * @throws IllegalArgumentException when no source was given
         */
        public InputSpec build() {
            if (file == null && scoresNpy == null) {
                throw new IllegalArgumentException("an input needs a file or a NumPy labels/scores pair");
            }
            return new InputSpec(this);
        }
    }
}

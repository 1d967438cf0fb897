package org.discern.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.discern.io.InputException;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Reads a comma-separated table with a header line into a {@link Table}: every column except
 * the label and the dropped ones is a numeric feature. The credit-card fraud layout
 * ({@code Time, V1..V28, Amount, Class} with the class quoted) reads as is with the defaults.
 *
 * <p>Rules:
 * <ul>
 *   <li>Feature cells must parse as finite numbers ({@link Double#parseDouble}, independent of
 *       the locale); a cell that is empty or one of {@code NA}, {@code NaN}, {@code null}
 *       (any case) is missing. Missing cells are an error unless {@link Impute#MEDIAN} is chosen,
 *       in which case they become NaN and {@link Preprocessing} fills them with the median of
 *       the training split.</li>
 *   <li>Columns in {@link Builder#log} are replaced by {@code ln(value + epsilon)} at read time;
 *       a value with {@code value + epsilon <= 0} is an error.</li>
 *   <li>The label column must hold exactly two distinct values (after CSV unquoting). The
 *       positive one is {@link Builder#positive} if given; otherwise {@code 1} (also
 *       {@code 1.0}), {@code true} or {@code yes} (any case) if present; otherwise the less
 *       frequent value.</li>
 *   <li>With {@link Builder#labelOptional}, a file without the label column reads as an
 *       unlabelled table (data to score).</li>
 * </ul>
 * Every error is an {@link InputException} naming the file, the 1-based line (the header is line
 * 1) and the column.
 */
public final class TableReader {
    /** What to do with missing feature cells. */
    public enum Impute {
        /** Missing cells are an error. */
        NONE,
        /** Missing cells are filled with the training split's median of the column. */
        MEDIAN
    }

    /** Default label column, as in the credit-card fraud data. */
    public static final String DEFAULT_LABEL = "Class";
    /** Default epsilon of the log transform: ln(value + 0.001). */
    public static final double DEFAULT_LOG_EPSILON = 1e-3;

    private final String label;
    private final Set<String> drop;
    private final Set<String> log;
    private final double logEpsilon;
    private final Impute impute;
    private final String positive;
    private final boolean labelOptional;
    private final String knownNegative;
    private final boolean multiclass;
    private final List<String> knownClasses;

    private TableReader(Builder b) {
        this.label = b.label;
        this.drop = new LinkedHashSet<>(b.drop);
        this.log = new LinkedHashSet<>(b.log);
        this.logEpsilon = b.logEpsilon;
        this.impute = b.impute;
        this.positive = b.positive;
        this.labelOptional = b.labelOptional;
        this.knownNegative = b.knownNegative;
        this.multiclass = b.multiclass;
        this.knownClasses = b.knownClasses;
    }

    /** A builder with the defaults: label {@code Class}, nothing dropped or logged, no imputation. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link TableReader}. */
    public static final class Builder {
        private String label = DEFAULT_LABEL;
        private List<String> drop = List.of();
        private List<String> log = List.of();
        private double logEpsilon = DEFAULT_LOG_EPSILON;
        private Impute impute = Impute.NONE;
        private String positive;
        private boolean labelOptional;
        private String knownNegative;
        private boolean multiclass;
        private List<String> knownClasses;

        private Builder() {
        }

        /** Name of the label column (default {@code Class}). */
        public Builder label(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("label must be a non-empty column name, got " + name);
            }
            this.label = name;
            return this;
        }

        /** Columns to ignore. */
        public Builder drop(List<String> columns) {
            this.drop = List.copyOf(columns);
            return this;
        }

        /** Columns to replace by ln(value + epsilon). */
        public Builder log(List<String> columns) {
            this.log = List.copyOf(columns);
            return this;
        }

        /** Epsilon of the log transform, finite and &gt; 0 (default 0.001). */
        public Builder logEpsilon(double epsilon) {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("logEpsilon must be finite and > 0, got " + epsilon);
            }
            this.logEpsilon = epsilon;
            return this;
        }

        /** Missing-value handling (default {@link Impute#NONE}). */
        public Builder impute(Impute how) {
            this.impute = java.util.Objects.requireNonNull(how, "impute");
            return this;
        }

        /** Label value of the positive class; null to choose by the rule in the class comment. */
        public Builder positive(String value) {
            this.positive = value;
            return this;
        }

        /**
         * Data to score with a model trained on these two label values: every label must be one of
         * them, and one value alone is fine.
         */
        public Builder knownLabels(String positiveValue, String negativeValue) {
            this.positive = java.util.Objects.requireNonNull(positiveValue, "positiveValue");
            this.knownNegative = java.util.Objects.requireNonNull(negativeValue, "negativeValue");
            return this;
        }

        /**
         * Multi-class: the label column may hold any number (&gt;= 2) of values; the classes are
         * the distinct values in numeric order when all are numbers, else in text order.
         */
        public Builder multiclass(boolean on) {
            this.multiclass = on;
            return this;
        }

        /**
         * Multi-class data to score with a model trained on these classes: every label must be one
         * of them; the table keeps their order.
         */
        public Builder knownClasses(List<String> classes) {
            this.multiclass = true;
            this.knownClasses = List.copyOf(classes);
            return this;
        }

        /** Accept a file without the label column (for scoring). */
        public Builder labelOptional(boolean optional) {
            this.labelOptional = optional;
            return this;
        }

        public TableReader build() {
            return new TableReader(this);
        }
    }

    /** Columns replaced by their logarithm. */
    public List<String> logColumns() {
        return List.copyOf(log);
    }

    /** Epsilon of the log transform. */
    public double logEpsilon() {
        return logEpsilon;
    }

    /** Reads a file; see the class comment for the rules. */
    public Table read(Path file) throws IOException {
        String name = file.toString();
        try (CsvReader<CsvRecord> csv = csvBuilder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            return read(csv, name);
        } catch (CsvParseException e) {
            throw new InputException(name, 0, null, "malformed CSV: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads CSV text (for tests and in-memory data). */
    public Table read(String csvText, String sourceName) throws InputException {
        try (CsvReader<CsvRecord> csv = csvBuilder().ofCsvRecord(csvText)) {
            return read(csv, sourceName);
        } catch (CsvParseException e) {
            throw new InputException(sourceName, 0, null, "malformed CSV: " + e.getMessage(), e);
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(sourceName, 0, null, e.getMessage(), e);
        }
    }

    /** Field counts are checked here, with the line number, rather than by FastCSV. */
    private static CsvReader.CsvReaderBuilder csvBuilder() {
        return CsvReader.builder().missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE);
    }

    private Table read(CsvReader<CsvRecord> csv, String file) throws InputException {
        var it = csv.iterator();
        if (!it.hasNext()) {
            throw new InputException(file, 1, null, "expected a header line, found an empty file");
        }
        CsvRecord header = it.next();
        List<String> names = header.getFields();
        int width = names.size();
        int labelIndex = -1;
        List<String> features = new ArrayList<>();
        List<Integer> featureIndex = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < width; c++) {
            String n = names.get(c).strip();
            if (!seen.add(n)) {
                throw new InputException(file, 1, n, "column name appears twice in the header");
            }
            if (n.equals(label)) {
                labelIndex = c;
            } else if (!drop.contains(n)) {
                features.add(n);
                featureIndex.add(c);
            }
        }
        for (String d : drop) {
            if (!seen.contains(d)) {
                throw new InputException(file, 1, d, "column to drop is not in the header " + names);
            }
        }
        for (String l : log) {
            if (!features.contains(l)) {
                throw new InputException(file, 1, l, "column to log-transform is not a feature column of "
                        + features);
            }
        }
        if (labelIndex < 0 && !labelOptional) {
            throw new InputException(file, 1, label, "label column not found in the header " + names
                    + " (choose it with --label)");
        }
        if (features.isEmpty()) {
            throw new InputException(file, 1, null, "no feature columns left in " + names);
        }
        int d = features.size();
        int[] src = featureIndex.stream().mapToInt(Integer::intValue).toArray();
        boolean[] isLog = new boolean[d];
        for (int j = 0; j < d; j++) {
            isLog[j] = log.contains(features.get(j));
        }

        float[] values = new float[Math.max(1024, d) * d];
        String[] labelText = labelIndex < 0 ? null : new String[1024];
        List<String> distinct = new ArrayList<>(2);
        int rows = 0;
        while (true) {
            CsvRecord rec;
            try {
                if (!it.hasNext()) {
                    break;
                }
                rec = it.next();
            } catch (CsvParseException e) {
                throw new InputException(file, 0, null, "malformed CSV: " + e.getMessage(), e);
            }
            long line = rec.getStartingLineNumber();
            if (rec.getFieldCount() == 1 && rec.getField(0).isEmpty()) {
                continue; // blank line
            }
            if (rec.getFieldCount() != width) {
                throw new InputException(file, line, null, "expected " + width + " fields as in the header, found "
                        + rec.getFieldCount());
            }
            if ((long) (rows + 1) * d > values.length) {
                values = Arrays.copyOf(values, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, 2L * values.length)));
            }
            int base = rows * d;
            for (int j = 0; j < d; j++) {
                String cell = rec.getField(src[j]).strip();
                double v;
                if (isMissing(cell)) {
                    if (impute == Impute.NONE) {
                        throw new InputException(file, line, features.get(j),
                                "missing value (use --impute median to fill missing values)");
                    }
                    v = Double.NaN;
                } else {
                    v = parse(cell, file, line, features.get(j));
                    if (isLog[j]) {
                        if (!(v + logEpsilon > 0)) {
                            throw new InputException(file, line, features.get(j), "log transform needs value + "
                                    + logEpsilon + " > 0, found " + cell);
                        }
                        v = Math.log(v + logEpsilon);
                    }
                }
                values[base + j] = (float) v;
            }
            if (labelText != null) {
                String l = rec.getField(labelIndex).strip();
                if (l.isEmpty()) {
                    throw new InputException(file, line, label, "missing label");
                }
                if (multiclass) {
                    if (knownClasses != null && !knownClasses.contains(l)) {
                        throw new InputException(file, line, label, "label '" + l + "' is not one of the classes "
                                + knownClasses + " of the training data");
                    }
                    if (rows == labelText.length) {
                        labelText = Arrays.copyOf(labelText, 2 * rows);
                    }
                    labelText[rows++] = l;
                    continue;
                }
                if (knownNegative != null && !l.equals(positive) && !l.equals(knownNegative)) {
                    throw new InputException(file, line, label, "label '" + l + "' is neither the positive ('"
                            + positive + "') nor the negative ('" + knownNegative + "') value of the training data");
                }
                if (!distinct.contains(l)) {
                    if (distinct.size() == 2) {
                        throw new InputException(file, line, label, "binary classification needs exactly 2 label "
                                + "values, found a third: '" + l + "' after '" + distinct.get(0) + "' and '"
                                + distinct.get(1) + "'");
                    }
                    distinct.add(l);
                }
                if (rows == labelText.length) {
                    labelText = Arrays.copyOf(labelText, 2 * rows);
                }
                labelText[rows] = distinct.get(0).equals(l) ? distinct.get(0) : distinct.get(1);
            }
            rows++;
        }
        if (rows == 0) {
            throw new InputException(file, 2, null, "no data rows after the header");
        }
        values = Arrays.copyOf(values, rows * d);
        if (labelText == null) {
            return Table.wrap(file, features, values, rows, null, null, null, null);
        }
        if (multiclass) {
            return multiclassTable(file, features, values, rows, labelText);
        }
        if (knownNegative != null) {
            boolean[] known = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                known[i] = labelText[i].equals(positive);
            }
            return Table.wrap(file, features, values, rows, label, known, positive, knownNegative);
        }
        if (distinct.size() != 2) {
            throw new InputException(file, 0, label, "binary classification needs exactly 2 label values, found "
                    + distinct.size() + ": " + new TreeSet<>(distinct));
        }
        String pos = choosePositive(distinct, labelText, rows, file);
        String neg = distinct.get(0).equals(pos) ? distinct.get(1) : distinct.get(0);
        boolean[] labels = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = labelText[i].equals(pos);
        }
        return Table.wrap(file, features, values, rows, label, labels, pos, neg);
    }

    private Table multiclassTable(String file, List<String> features, float[] values, int rows, String[] labelText)
            throws InputException {
        List<String> names;
        if (knownClasses != null) {
            names = knownClasses;
        } else {
            TreeSet<String> distinct = new TreeSet<>(Arrays.asList(labelText).subList(0, rows));
            names = new ArrayList<>(distinct);
            if (names.size() < 2) {
                throw new InputException(file, 0, label, "classification needs at least 2 label values, found "
                        + names.size() + ": " + distinct);
            }
            boolean numeric = names.stream().allMatch(TableReader::isFiniteNumber);
            if (numeric) {
                names.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
            }
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            classes[i] = index.get(labelText[i]);
        }
        return Table.wrapMulticlass(file, features, values, rows, label, classes, names);
    }

    private static boolean isFiniteNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String choosePositive(List<String> distinct, String[] labelText, int rows, String file)
            throws InputException {
        if (positive != null) {
            if (!distinct.contains(positive)) {
                throw new InputException(file, 0, label, "positive label '" + positive + "' not among the values "
                        + new TreeSet<>(distinct));
            }
            return positive;
        }
        for (String conventional : List.of("1", "1.0", "true", "yes")) {
            for (String v : distinct) {
                if (v.toLowerCase(Locale.ROOT).equals(conventional)) {
                    return v;
                }
            }
        }
        int first = 0;
        for (int i = 0; i < rows; i++) {
            if (labelText[i].equals(distinct.get(0))) {
                first++;
            }
        }
        // the less frequent value; on a tie the one that sorts last
        if (2 * first == rows) {
            return distinct.get(0).compareTo(distinct.get(1)) > 0 ? distinct.get(0) : distinct.get(1);
        }
        return 2 * first < rows ? distinct.get(0) : distinct.get(1);
    }

    private static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")
                || cell.equalsIgnoreCase("null");
    }

    private static double parse(String cell, String file, long line, String column) throws InputException {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, column, "'" + cell + "' is not a number", e);
        }
        if (Double.isInfinite(v)) {
            throw new InputException(file, line, column, "'" + cell + "' is not a finite number");
        }
        return v;
    }
}

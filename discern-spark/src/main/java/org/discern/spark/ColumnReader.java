package org.discern.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one column of a row as Discern needs it, with the checks that name the column: a label
 * (0/1 or true/false, or a class index), a score (a number, or one element of a Spark ML vector
 * or of an {@code array<double>}: the binary score is element 1, as Spark's
 * {@code BinaryClassificationEvaluator} reads {@code rawPrediction}), all scores of a row, or a
 * weight. Runs on the executors; every problem becomes a message rather than an exception, so
 * that the driver can report the first one cleanly.
 */
final class ColumnReader implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a column is stored: STRING is text (labels, or numbers read from CSV). */
    enum Kind { NUMBER, VECTOR, ARRAY, BOOLEAN, STRING }

    final String name;
    final int index;
    final Kind kind;

    private ColumnReader(String name, int index, Kind kind) {
        this.name = name;
        this.index = index;
        this.kind = kind;
    }

    /**
     * A reader of column {@code name} of rows with {@code schema}.
     *
     * @throws IllegalArgumentException when there is no such column (the message lists the
     *     columns), or its type is not a number, boolean, vector or array of numbers
     */
    static ColumnReader of(StructType schema, String name, String role) {
        String[] names = schema.fieldNames();
        int index = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no %s column '%s'; the columns are: %s",
                    role, name, String.join(", ", names)));
        }
        StructField f = schema.fields()[index];
        DataType t = f.dataType();
        Kind kind;
        if (t instanceof NumericType) {
            kind = Kind.NUMBER;
        } else if (t instanceof BooleanType) {
            kind = Kind.BOOLEAN;
        } else if (t instanceof VectorUDT) {
            kind = Kind.VECTOR;
        } else if (t instanceof ArrayType && ((ArrayType) t).elementType() instanceof NumericType) {
            kind = Kind.ARRAY;
        } else if (t instanceof StringType) {
            kind = Kind.STRING;
        } else {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s column '%s' must hold numbers, text, booleans, Spark ML vectors or arrays of numbers; found %s",
                    role, name, t.simpleString()));
        }
        return new ColumnReader(name, index, kind);
    }

    /**
     * The column of that name, quoted: a name with dots ("Adialer.C") or other special characters
     * is a name, not a path into a struct.
     */
    static org.apache.spark.sql.Column named(String name) {
        return org.apache.spark.sql.functions.col("`" + name.replace("`", "``") + "`");
    }

    /** Whether the column holds one value per row (a number, a boolean, or text). */
    boolean scalar() {
        return kind == Kind.NUMBER || kind == Kind.BOOLEAN || kind == Kind.STRING;
    }

    /** Whether the column holds text. */
    boolean text() {
        return kind == Kind.STRING;
    }

    /**
     * The class index of a multi-class label: a class name (string column) looked up in
     * {@code classIndex}, or a whole number in [0, k); -1 when it is neither.
     */
    int classIndex(Row r, java.util.Map<String, Integer> classIndex, int k) {
        if (kind == Kind.STRING) {
            Integer c = classIndex.get(r.getString(index).strip());
            return c == null ? -1 : c;
        }
        double v = number(r);
        return v == Math.rint(v) && v >= 0 && v < k ? (int) v : -1;
    }

    /** The problem with a multi-class label (null, or not a class), or null. */
    String classLabelProblem(Row r, java.util.Map<String, Integer> classIndex, java.util.List<String> classes) {
        if (r.isNullAt(index)) {
            return "label column '" + name + "' has a null value";
        }
        if (classIndex(r, classIndex, classes.size()) < 0) {
            String found = kind == Kind.STRING ? "'" + r.getString(index) + "'" : Double.toString(number(r));
            return "label column '" + name + "' holds " + found + ", which is not a class; expected "
                    + (kind == Kind.STRING ? "one of " + String.join(", ", classes)
                            : "a class index in [0, " + classes.size() + ")");
        }
        return null;
    }

    /** The value as a double; NaN for null or text that is not a number (callers check). */
    double number(Row r) {
        if (r.isNullAt(index)) {
            return Double.NaN;
        }
        if (kind == Kind.BOOLEAN) {
            return r.getBoolean(index) ? 1 : 0;
        }
        if (kind == Kind.STRING) {
            return parse(r.getString(index));
        }
        return ((Number) r.get(index)).doubleValue();
    }

    /**
     * A number written as text, as Discern's CSV reader takes it: surrounding blanks ignored,
     * Java's {@code Double.parseDouble} syntax without the "d"/"f" suffixes and hex floats no CSV
     * writer produces; NaN for anything else.
     */
    static double parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        char last = t.charAt(t.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || t.indexOf('x') >= 0 || t.indexOf('X') >= 0) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The problem with text that should be a finite number, or null. */
    private String textProblem(Row r, String role) {
        String text = r.getString(index);
        double v = parse(text);
        return Double.isFinite(v) ? null
                : role + " column '" + name + "' holds '" + abbreviate(text) + "', which is not a finite number";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /**
     * The problem with a label that must be 0 or 1 (true or false), or null when there is none.
     */
    String binaryLabelProblem(Row r) {
        if (r.isNullAt(index)) {
            return "label column '" + name + "' has a null value";
        }
        double v = number(r);
        if (v != 0 && v != 1) {
            return "label column '" + name + "' must hold 0 or 1 (or false and true), found " + v;
        }
        return null;
    }

    /** The problem with a score (null, NaN, infinite, too short a vector), or null. */
    String scoreProblem(Row r, int element) {
        if (r.isNullAt(index)) {
            return "score column '" + name + "' has a null value";
        }
        if (kind == Kind.STRING) {
            return textProblem(r, "score");
        }
        double v = element(r, element);
        if (Double.isNaN(v)) {
            return element < 0 || scalar() ? "score column '" + name + "' holds NaN"
                    : "score column '" + name + "' holds NaN at element " + element
                            + (length(r) <= element ? " (it has only " + length(r) + " elements)" : "");
        }
        if (Double.isInfinite(v)) {
            return "score column '" + name + "' holds " + v;
        }
        return null;
    }

    /** The score: the number itself, or element {@code element} of a vector or array (NaN when absent). */
    double element(Row r, int element) {
        switch (kind) {
            case VECTOR: {
                Vector v = (Vector) r.get(index);
                return element < v.size() ? v.apply(element) : Double.NaN;
            }
            case ARRAY: {
                List<Object> a = r.getList(index);
                Object x = element < a.size() ? a.get(element) : null;
                return x == null ? Double.NaN : ((Number) x).doubleValue();
            }
            default:
                return number(r);
        }
    }

    /** Number of elements of a vector or array value (1 for a scalar). */
    int length(Row r) {
        switch (kind) {
            case VECTOR:
                return ((Vector) r.get(index)).size();
            case ARRAY:
                return r.getList(index).size();
            default:
                return 1;
        }
    }

    /**
     * The refusal of a weight column whose every weight is 0 (a sample of weight 0 is the same as
     * no sample: the core refuses the same).
     */
    static IllegalArgumentException allWeightsZero(String column) {
        return new IllegalArgumentException("weights in column '" + column + "' must not all be 0 (a sample of "
                + "weight 0 is the same as no sample: nothing is left to evaluate)");
    }

    /** The problem with a weight (null, NaN, negative, infinite), or null. */
    String weightProblem(Row r) {
        if (r.isNullAt(index)) {
            return "weight column '" + name + "' has a null value";
        }
        if (kind == Kind.STRING && textProblem(r, "weight") != null) {
            return textProblem(r, "weight");
        }
        double w = number(r);
        if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
            return "weight column '" + name + "' must hold finite weights >= 0, found " + w;
        }
        return null;
    }
}

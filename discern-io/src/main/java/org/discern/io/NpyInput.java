package org.discern.io;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.discern.metrics.BinaryScoreBlocks;

/**
 * Turns NumPy arrays into Discern's inputs: labels, scores, weights, and whole multi-class or
 * multi-label prediction sets, with {@link InputException}s that name the file, the element
 * position and what was expected.
 *
 * <ul>
 *   <li>Labels: a 1-D array of class indices from any integer or bool dtype (also floats holding
 *       whole numbers, as {@code numpy} users often save {@code y} as float64), or a 2-D 0/1
 *       indicator matrix (one-hot: multi-class or multi-label; otherwise multi-label).</li>
 *   <li>Scores: 1-D (binary, n x 1) or 2-D n x K, held as {@code float} for float16/float32 data
 *       (never widened) and as {@code double} for float64 and integer data; every element finite.</li>
 *   <li>Weights: 1-D, finite, &gt;= 0.</li>
 * </ul>
 */
public final class NpyInput {
    private NpyInput() {
    }

    /**
     * Checks what the headers alone tell, before any data is read or converted: one label (row)
     * per score row, one weight per row, and that the evaluation fits the Java heap
     * ({@link HeapBudget}). A pair of arrays whose lengths disagree, or a header declaring
     * gigabytes, is refused at once, whatever the data holds.
     *
     * @param labels the labels array (only its header is used)
     * @param scores the scores array (only its header is used)
     * @param weights the weights array, or null
     * @throws InputException when the row counts disagree
     * @throws HeapLimitException when the evaluation needs more heap than the JVM may use
     */
    public static void checkSizes(NpyArray labels, NpyArray scores, NpyArray weights) throws InputException {
        checkSizes(labels, scores, weights, false);
    }

    /**
     * As {@link #checkSizes(NpyArray, NpyArray, NpyArray)}, for binary scores that will be
     * evaluated as they are read when {@code evaluatedAsRead} (no array of them made: the smaller
     * {@link HeapBudget#evaluatedBinary}).
     */
    static void checkSizes(NpyArray labels, NpyArray scores, NpyArray weights, boolean evaluatedAsRead)
            throws InputException {
        long rows = scores.rows();
        if (labels.dimensions() >= 1 && labels.rows() != rows) {
            throw new InputException(labels.source(), 0, null, "expected one label per score row: "
                    + HeapBudget.count(labels.rows()) + " labels (" + labels.header().describe() + "), "
                    + HeapBudget.count(rows) + " rows in " + scores.source() + " (" + scores.header().describe() + ")");
        }
        if (weights != null && weights.rows() != rows) {
            throw new InputException(weights.source(), 0, null, "expected one weight per score row: "
                    + HeapBudget.count(weights.rows()) + " weights, " + HeapBudget.count(rows) + " rows in "
                    + scores.source());
        }
        boolean binary = scores.dimensions() < 2 || scores.columns() == 1;
        NpyType t = scores.type();
        boolean floats = t == NpyType.FLOAT16 || t == NpyType.FLOAT32;
        long needed = !binary ? HeapBudget.matrix(rows, scores.columns(), floats)
                : evaluatedAsRead ? HeapBudget.evaluatedBinary(rows) : HeapBudget.binary(rows);
        HeapBudget.check(scores.source(), (binary ? HeapBudget.count(rows) + " rows of " + t + " scores"
                : HeapBudget.count(rows) + " x " + HeapBudget.count(scores.columns()) + " " + t + " scores"), needed);
    }

    /**
     * The labels in {@code array}: class indices (1-D) or an indicator matrix (2-D).
     *
     * @throws InputException for a scalar, a float element that is not a whole number, a value that
     *         does not fit an int, or a 2-D element other than 0/1
     */
    public static LabelArray labels(NpyArray array) throws InputException {
        requireDimensions(array, "labels: a 1-D array of class indices or a 2-D 0/1 indicator matrix");
        if (array.dimensions() == 2 && array.columns() == 0) {
            throw new InputException(array.source(), 0, null, "expected at least one label column, found shape "
                    + NpyHeader.shapeText(array.header().shape()));
        }
        int[] values = array.type().isIntegral() ? array.toIntArray() : wholeNumbers(array);
        if (array.dimensions() == 1) {
            return LabelArray.wrapIndices(values);
        }
        int bad = LabelArray.firstNonBinary(values);
        if (bad >= 0) {
            throw new InputException(array.source(), 0, null, "label element " + array.position(bad) + " = "
                    + values[bad] + "; a 2-D label array must be a 0/1 indicator matrix");
        }
        return LabelArray.wrapIndicator(values, (int) array.rows(), (int) array.columns());
    }

    private static int[] wholeNumbers(NpyArray array) throws InputException {
        double[] d = array.toDoubleArray();
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            double v = d[i];
            if (!(v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE)) {
                throw new InputException(array.source(), 0, null, "label element " + array.position(i) + " = "
                        + v + " is not a whole number; expected class indices (integers) in a "
                        + array.type() + " array");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * The scores in {@code array}: 1-D gives an n x 1 matrix, 2-D an n x K matrix (row-major
     * whatever the file order).
     *
     * @throws InputException for a scalar or a NaN or infinite element (with its position)
     */
    public static ScoreMatrix scores(NpyArray array) throws InputException {
        return scores(array, false);
    }

    /** As {@link #scores(NpyArray)}; NaN and infinite elements kept when {@code lenient} (for --drop-invalid). */
    static ScoreMatrix scores(NpyArray array, boolean lenient) throws InputException {
        requireDimensions(array, "scores: a 1-D array (binary) or a 2-D n x K matrix");
        int rows = (int) array.rows();
        int columns = (int) array.columns();
        if (columns < 1) {
            throw new InputException(array.source(), 0, null, "expected at least one score column, found shape "
                    + NpyHeader.shapeText(array.header().shape()));
        }
        NpyType t = array.type();
        if (t == NpyType.FLOAT16 || t == NpyType.FLOAT32) {
            float[] f = array.toFloatArray();
            int bad = lenient ? -1 : ScoreMatrix.firstNonFinite(f);
            if (bad >= 0) {
                throw nonFinite(array, bad, f[bad]);
            }
            return ScoreMatrix.wrap(f, rows, columns);
        }
        double[] d = array.toDoubleArray();
        int bad = lenient ? -1 : ScoreMatrix.firstNonFinite(d);
        if (bad >= 0) {
            throw nonFinite(array, bad, d[bad]);
        }
        return ScoreMatrix.wrap(d, rows, columns);
    }

    private static InputException nonFinite(NpyArray array, int index, double value) {
        return new InputException(array.source(), 0, null, String.format(Locale.ROOT,
                "score %s is %s; expected finite numbers", array.position(index), value));
    }

    /**
     * Sample weights: a 1-D array of finite numbers &gt;= 0.
     *
     * @throws InputException for another shape or an invalid weight (with its index)
     */
    public static double[] weights(NpyArray array) throws InputException {
        if (array.dimensions() != 1) {
            throw new InputException(array.source(), 0, null, "expected 1-D sample weights, found shape "
                    + NpyHeader.shapeText(array.header().shape()));
        }
        double[] w = array.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || w[i] == Double.POSITIVE_INFINITY) {
                throw new InputException(array.source(), 0, null, "weight [" + i + "] is " + w[i]
                        + "; expected a finite number >= 0");
            }
        }
        return w;
    }

    /**
     * The predictions in a labels/scores(/weights) set of arrays, for {@link PredictionReader}: the
     * layout is the spec's or detected from the shapes ({@link LayoutDetector}), the
     * class names the spec's ({@code --class-names}) or "0".."K-1".
     *
     * @param source the input's name as given (the archive, or the scores file of a pair)
     * @param weights the weights array, or null
     */
    static Predictions predictions(String source, NpyArray labels, NpyArray scores, NpyArray weights,
            InputSpec spec) throws IOException {
        // lengths and the heap from the headers, before any data is read (an npz entry is not yet inflated)
        boolean asRead = evaluatedAsRead(spec, weights);
        checkSizes(labels, scores, weights, asRead);
        List<String> names = spec.classNames() != null ? spec.classNames()
                : spec.classNamesFile() != null ? ClassNames.read(spec.classNamesFile()) : null;
        Layout layout = LayoutDetector.fromArrays(labels, scores, spec);
        boolean lenient = spec.dropInvalid();
        Predictions p;
        switch (layout) {
            case MULTICLASS:
                p = multiClass(labels, scores, names, weights, lenient).withSource(source, null);
                break;
            case MULTILABEL:
                p = multiLabel(labels, scores, names, weights, lenient).withSource(source, null);
                break;
            default:
                if (names != null) {
                    throw new InputOptionException("--class-names applies to multi-class and multi-label arrays; "
                            + source + " holds binary predictions (one score per sample)");
                }
                p = binary(labels, scores, weights, lenient, asRead, spec.progress()).withSource(source);
        }
        // rows are named by their 0-based index, as every NumPy message names them
        return lenient ? RowFilter.dropInvalid(p, InputRows.Place.INDEX) : p;
    }

    /**
     * Binary predictions from 0/1 (or bool) labels and one score per sample. Scores are widened to
     * double (as {@link BinaryPredictions} holds them); the positive label is "1".
     *
     * @param labels 1-D, every value 0 or 1
     * @param scores 1-D, or 2-D with one column
     * @param weights 1-D weights, or null
     * @throws InputException when a label is not 0/1 (with its index), the shapes disagree or any
     *         element is invalid
     */
    public static BinaryPredictions binary(NpyArray labels, NpyArray scores, NpyArray weights)
            throws InputException {
        return binary(labels, scores, weights, false, false, ProgressListener.NONE);
    }

    /**
     * As {@link #binary(NpyArray, NpyArray, NpyArray)}, invalid scores kept when {@code lenient};
     * when {@code asRead} ({@link #evaluatedAsRead}), the rows go straight from the arrays into the
     * evaluation ({@link BinaryScoreBlocks}) and none is kept ({@link InputSpec#evaluationOnly()}). Either way the scores are converted once, into the
     * one array the predictions hold or into nothing, and every error is the same, found in the
     * same order: the labels' own (not whole numbers, too large), then the first score that is
     * not finite, then the first label that is neither 0 nor 1. Evaluated as read, the rows are
     * reported to {@code progress} as they go (every 65,536 rows, and when done).
     */
    private static BinaryPredictions binary(NpyArray labels, NpyArray scores, NpyArray weights, boolean lenient,
            boolean asRead, ProgressListener progress) throws InputException {
        if (scores.dimensions() != 1 && !(scores.dimensions() == 2 && scores.columns() == 1)) {
            throw new InputException(scores.source(), 0, null, "expected 1-D scores (one per sample) for a binary"
                    + " evaluation, found " + scores.header().describe());
        }
        LabelArray y = labels(labels);
        if (y.isIndicator()) {
            throw new InputException(labels.source(), 0, null, "expected 1-D 0/1 labels for a binary evaluation,"
                    + " found " + labels.header().describe());
        }
        requireDimensions(scores, "scores: a 1-D array (binary) or a 2-D n x K matrix");
        if (asRead && y.rows() > 0 && y.rows() == scores.rows()) {
            return evaluated(labels, y, scores, progress == null ? ProgressListener.NONE : progress);
        }
        double[] s = scores.toDoubleArray();
        int bad = lenient ? -1 : ScoreMatrix.firstNonFinite(s);
        if (bad >= 0) {
            throw nonFinite(scores, bad, s[bad]);
        }
        checkRows(labels, y.rows(), scores, s.length);
        boolean[] positive = new boolean[y.rows()];
        for (int i = 0; i < positive.length; i++) {
            int v = y.classIndex(i);
            if (v != 0 && v != 1) {
                throw notBinary(labels, i, v);
            }
            positive[i] = v == 1;
        }
        double[] w = weights == null ? null : weights(weights);
        if (w != null && w.length != s.length) {
            throw new InputException(weights.source(), 0, null, "expected " + s.length + " weights (one per row of "
                    + scores.source() + "), found " + w.length);
        }
        // the arrays made here are the predictions' own: not copied again
        return new BinaryPredictions(scores.source(), s, positive, w, "1", List.of(), null);
    }

    /**
     * Whether binary arrays of this spec are evaluated as they are read (see {@link #binary}):
     * only their evaluation is wanted, and there are no weights and no invalid rows to drop.
     */
    private static boolean evaluatedAsRead(InputSpec spec, NpyArray weights) {
        return spec.evaluationOnly() && weights == null && !spec.dropInvalid();
    }

    /** The unweighted binary rows evaluated as they are read, none kept (see {@link #binary}). */
    private static BinaryPredictions evaluated(NpyArray labels, LabelArray y, NpyArray scores,
            ProgressListener progress) throws InputException {
        String source = scores.source();
        long bytes = scores.header().dataLength();
        int itemSize = scores.type().itemSize();
        BinaryScoreBlocks rows = new BinaryScoreBlocks();
        rows.expect(y.rows());
        int[] firstNotBinary = {-1};
        scores.forEachDouble((i, v) -> {
            if (!Double.isFinite(v)) {
                throw nonFinite(scores, i, v);
            }
            int code = y.classIndex(i);
            if (code == 0 || code == 1) {
                rows.add(v, code);
            } else if (firstNotBinary[0] < 0) {
                firstNotBinary[0] = i;
            }
            if ((i & 0xFFFF) == 0xFFFF) {
                progress.progress(source, (i + 1L) * itemSize, bytes, i + 1L);
            }
        });
        if (firstNotBinary[0] >= 0) {
            throw notBinary(labels, firstNotBinary[0], y.classIndex(firstNotBinary[0]));
        }
        progress.done(source, y.rows());
        return BinaryPredictions.evaluated(source, rows.evaluate(false, true), "1", List.of());
    }

    private static InputException notBinary(NpyArray labels, int index, int value) {
        return new InputException(labels.source(), 0, null, "label [" + index + "] = " + value
                + "; expected 0 or 1 for a binary evaluation (1-D scores)");
    }

    /**
     * A multi-class prediction set from class-index (or one-hot) labels and an n x K score matrix.
     *
     * @param labels 1-D class indices 0..K-1, or a 2-D one-hot n x K matrix
     * @param scores 2-D n x K scores, K &gt;= 2
     * @param classNames K names, or null for "0".."K-1"
     * @param weights 1-D weights, or null
     * @throws InputException when shapes disagree, a label is not in 0..K-1 (the message gives its
     *         position), the label matrix is not one-hot, or any element is invalid
     */
    public static MultiClassPredictions multiClass(NpyArray labels, NpyArray scores, List<String> classNames,
            NpyArray weights) throws InputException {
        return multiClass(labels, scores, classNames, weights, false);
    }

    private static MultiClassPredictions multiClass(NpyArray labels, NpyArray scores, List<String> classNames,
            NpyArray weights, boolean lenient) throws InputException {
        if (scores.dimensions() != 2 || scores.columns() < 2) {
            throw new InputException(scores.source(), 0, null, "expected a 2-D n x K score matrix with K >= 2 for"
                    + " multi-class, found " + scores.header().describe());
        }
        LabelArray y = labels(labels);
        ScoreMatrix s = scores(scores, lenient);
        checkRows(labels, y.rows(), scores, s.rows());
        int k = s.columns();
        int[] indices;
        if (y.kind() == LabelArray.Kind.CLASS_INDICES) {
            indices = y.classIndices();
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < 0 || indices[i] >= k) {
                    throw new InputException(labels.source(), 0, null, "label [" + i + "] = " + indices[i]
                            + " is not a class index; expected 0.." + (k - 1) + " (" + k + " score columns in "
                            + scores.source() + ")");
                }
            }
        } else {
            if (y.columns() != k) {
                throw new InputException(labels.source(), 0, null, "one-hot labels have " + y.columns()
                        + " columns, scores have " + k + "; expected the same number of classes");
            }
            if (y.kind() == LabelArray.Kind.INDICATOR) {
                throw new InputException(labels.source(), 0, null, "row " + y.firstNonOneHotRow()
                        + " of the label matrix does not hold exactly one 1; expected one-hot rows for multi-class"
                        + " (this is a multi-label indicator)");
            }
            indices = y.classIndices();
        }
        List<String> names = names(classNames, k, scores);
        double[] w = weights == null ? null : weights(weights);
        if (w != null && w.length != s.rows()) {
            throw new InputException(weights.source(), 0, null, "expected " + s.rows() + " weights (one per row of "
                    + scores.source() + "), found " + w.length);
        }
        return MultiClassPredictions.owning(indices, names, s, w);
    }

    /**
     * A multi-label prediction set from an n x L 0/1 indicator matrix and n x L scores.
     *
     * @param labels 2-D 0/1 indicator, n x L
     * @param scores 2-D scores, n x L
     * @param labelNames L names, or null for "0".."L-1"
     * @param weights 1-D weights, or null
     * @throws InputException when the labels are not a 2-D indicator, the shapes disagree or any
     *         element is invalid
     */
    public static MultiLabelPredictions multiLabel(NpyArray labels, NpyArray scores, List<String> labelNames,
            NpyArray weights) throws InputException {
        return multiLabel(labels, scores, labelNames, weights, false);
    }

    private static MultiLabelPredictions multiLabel(NpyArray labels, NpyArray scores, List<String> labelNames,
            NpyArray weights, boolean lenient) throws InputException {
        LabelArray y = labels(labels);
        if (!y.isIndicator()) {
            throw new InputException(labels.source(), 0, null, "expected a 2-D n x L 0/1 indicator matrix for"
                    + " multi-label, found " + labels.header().describe());
        }
        if (scores.dimensions() != 2) {
            throw new InputException(scores.source(), 0, null, "expected a 2-D n x L score matrix for multi-label,"
                    + " found " + scores.header().describe());
        }
        ScoreMatrix s = scores(scores, lenient);
        checkRows(labels, y.rows(), scores, s.rows());
        if (y.columns() != s.columns()) {
            throw new InputException(labels.source(), 0, null, "label matrix has " + y.columns() + " columns, "
                    + scores.source() + " has " + s.columns() + "; expected one score column per label");
        }
        List<String> names = names(labelNames, s.columns(), scores);
        double[] w = weights == null ? null : weights(weights);
        if (w != null && w.length != s.rows()) {
            throw new InputException(weights.source(), 0, null, "expected " + s.rows() + " weights (one per row of "
                    + scores.source() + "), found " + w.length);
        }
        return MultiLabelPredictions.of(y.indicator(), names, s, w);
    }

    private static List<String> names(List<String> names, int k, NpyArray scores) throws InputException {
        if (names == null) {
            return ClassNames.defaults(k);
        }
        if (names.size() != k) {
            throw new InputException(scores.source(), 0, null, "scores have " + k + " columns but " + names.size()
                    + " class names were given; expected one name per column");
        }
        return names;
    }

    private static void checkRows(NpyArray labels, int labelRows, NpyArray scores, int scoreRows)
            throws InputException {
        if (labelRows != scoreRows) {
            throw new InputException(labels.source(), 0, null, "expected one label per score row: " + labelRows
                    + " labels, " + scoreRows + " rows in " + scores.source());
        }
    }

    private static void requireDimensions(NpyArray array, String expected) throws InputException {
        if (array.dimensions() != 1 && array.dimensions() != 2) {
            throw new InputException(array.source(), 0, null, "expected " + expected + ", found "
                    + array.header().describe());
        }
        if (array.rows() > NpyArray.MAX_ARRAY_LENGTH) {
            throw new InputException(array.source(), 0, null, "array of " + array.header().describe() + " has "
                    + array.rows() + " rows, more than one Java array can hold (" + NpyArray.MAX_ARRAY_LENGTH + ")");
        }
    }
}

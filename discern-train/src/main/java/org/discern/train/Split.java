package org.discern.train;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stratified, seeded split of row indices into training, validation and test sets: per class,
 * the rows are shuffled, {@code round(testFraction * n_c)} go to test, then
 * {@code round(validationFraction * rest_c)} of the remaining ones to validation, and the rest to
 * training. Each index array is sorted ascending.
 *
 * @param train training rows
 * @param validation validation rows
 * @param test test rows
 */
public record Split(int[] train, int[] validation, int[] test) {
    /** Default test fraction (20% of all rows). */
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    /** Default validation fraction (20% of the rows left after the test split). */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    /** Copies the arrays. */
    public Split {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * Splits rows stratified by label.
     *
     * @param labels label per row
     * @param testFraction in (0, 1)
     * @param validationFraction in (0, 1), taken from what the test split leaves
     * @param seed shuffling seed
     * @throws IllegalArgumentException on fractions out of range, or when a class is too small
     *         to put at least one row of it in each of the three sets
     */
    public static Split stratified(boolean[] labels, double testFraction, double validationFraction, long seed) {
        int[] classes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classes[i] = labels[i] ? 1 : 0;
        }
        return stratified(classes, List.of("negative", "positive"), testFraction, validationFraction, seed);
    }

    /**
     * Splits rows stratified by class index (multi-class); with two classes it is the binary split.
     *
     * @param classes class index per row, in [0, names.size())
     * @param names class names, for messages
     */
    public static Split stratified(int[] classes, List<String> names, double testFraction, double validationFraction,
            long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
        int n = classes.length;
        int k = names.size();
        int[] size = new int[k];
        for (int c : classes) {
            size[c]++;
        }
        int[][] byClass = new int[k][];
        for (int c = 0; c < k; c++) {
            byClass[c] = new int[size[c]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < n; i++) {
            int c = classes[i];
            byClass[c][fill[c]++] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] counts = new int[k][3]; // class -> train, val, test
        for (int c = 0; c < k; c++) {
            int[] idx = byClass[c];
            for (int i = idx.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            int nTest = (int) Math.round(testFraction * idx.length);
            int nVal = (int) Math.round(validationFraction * (idx.length - nTest));
            int nTrain = idx.length - nTest - nVal;
            if (nTest < 1 || nVal < 1 || nTrain < 1) {
                String what = k == 2 ? "the " + names.get(c) + " class" : "class '" + names.get(c) + "'";
                throw new IllegalArgumentException(what + " has " + idx.length
                        + " rows: too few to put at least one in each of train (" + nTrain + "), validation (" + nVal
                        + ") and test (" + nTest + ")");
            }
            counts[c] = new int[] {nTrain, nVal, nTest};
        }
        int[][] parts = new int[3][];
        for (int p = 0; p < 3; p++) {
            int total = 0;
            for (int c = 0; c < k; c++) {
                total += counts[c][p];
            }
            parts[p] = new int[total];
            int at = 0;
            for (int c = 0; c < k; c++) {
                int from = p == 0 ? 0 : p == 1 ? counts[c][0] : counts[c][0] + counts[c][1];
                System.arraycopy(byClass[c], from, parts[p], at, counts[c][p]);
                at += counts[c][p];
            }
            Arrays.sort(parts[p]);
        }
        return new Split(parts[0], parts[1], parts[2]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(s.train, train) && Arrays.equals(s.validation, validation)
                && Arrays.equals(s.test, test);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(train) * 31 + Arrays.hashCode(validation)) * 31 + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", validation=" + validation.length + ", test=" + test.length + "]";
    }
}

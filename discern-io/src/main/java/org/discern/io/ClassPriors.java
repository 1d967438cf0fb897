package org.discern.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class priors given by the user ({@code --priors}, {@code --train-priors}): one positive number
 * per class of the predictions, normalised to sum to 1, so shares and counts both work
 * ({@code a=1,b=9} is {@code a=0.1,b=0.9}). Given inline as {@code NAME=VALUE,NAME=VALUE,...}
 * or as a CSV (or TSV) file with a header row and two columns, the class and its prior:
 *
 * <pre>
 * class,prior
 * cat,0.2
 * dog,0.8
 * </pre>
 *
 * Every class of the predictions appears exactly once; a prior is a plain decimal number, finite
 * and {@code > 0} (a class of prior 0 could never be decided, and the correction would divide by it).
 */
public final class ClassPriors {
    private ClassPriors() {
    }

    /**
     * Parses inline priors {@code NAME=VALUE,...}. A class name holding {@code ,} or {@code =}
     * cannot be given inline: use a file.
     *
     * @param classes the class names of the predictions, in their column order
     * @return the priors in the order of {@code classes}, summing to 1
     * @throws IllegalArgumentException naming the first problem (a usage error)
     */
    public static double[] parse(String spec, List<String> classes) {
        Map<String, Integer> index = index(classes);
        double[] priors = new double[classes.size()];
        boolean[] given = new boolean[classes.size()];
        for (String part : spec.split(",", -1)) {
            int eq = part.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected NAME=VALUE, found '" + part.strip() + "'");
            }
            String cls = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            Integer j = index.get(cls);
            if (j == null) {
                throw new IllegalArgumentException("expected a class of the predictions (" + DidYouMean.list(classes, 30)
                        + "), found '" + cls + "'" + DidYouMean.hint(cls, classes));
            }
            if (given[j]) {
                throw new IllegalArgumentException("class '" + cls + "' is given twice");
            }
            given[j] = true;
            double v;
            try {
                v = SmallCsv.number("", new SmallCsv.Row(0, List.of()), null, value);
            } catch (InputException e) {
                throw new IllegalArgumentException("the prior of '" + cls + "': " + e.problem());
            }
            if (!(v > 0)) {
                throw new IllegalArgumentException("the prior of '" + cls + "' must be > 0, got " + value);
            }
            priors[j] = v;
        }
        for (int j = 0; j < given.length; j++) {
            if (!given[j]) {
                throw new IllegalArgumentException("expected a prior for every class, found none for '" + classes.get(j)
                        + "'");
            }
        }
        return normalised(priors);
    }

    /**
     * Reads priors from a CSV file (header row, then {@code class,prior} rows).
     *
     * @throws InputException located at the first problem
     */
    public static double[] read(Path path, List<String> classes) throws InputException {
        String name = path.toString();
        List<SmallCsv.Row> rows = SmallCsv.rows(SmallCsv.text(path), name);
        if (rows.isEmpty()) {
            throw new InputException(name, 1, null, "expected a header row and one row per class, found an empty file");
        }
        Map<String, Integer> index = index(classes);
        double[] priors = new double[classes.size()];
        long[] lineOf = new long[classes.size()];
        for (SmallCsv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() != 2) {
                throw new InputException(name, row.line(), null, "expected 2 cells (the class, its prior), found "
                        + f.size());
            }
            Integer j = index.get(f.get(0));
            if (j == null) {
                throw new InputException(name, row.line(), null, "expected a class of the predictions ("
                        + DidYouMean.list(classes, 30) + "), found '" + f.get(0) + "'" + DidYouMean.hint(f.get(0), classes));
            }
            if (lineOf[j] != 0) {
                throw new InputException(name, row.line(), null, "expected each class once, found '" + f.get(0)
                        + "' again (first on line " + lineOf[j] + ")");
            }
            lineOf[j] = row.line();
            double v = SmallCsv.number(name, row, rows.get(0).fields().size() == 2 ? rows.get(0).fields().get(1) : null,
                    f.get(1));
            if (!(v > 0)) {
                throw new InputException(name, row.line(), null, "expected a prior > 0 for '" + f.get(0) + "', found '"
                        + f.get(1) + "'");
            }
            priors[j] = v;
        }
        for (int j = 0; j < priors.length; j++) {
            if (lineOf[j] == 0) {
                throw new InputException(name, rows.get(rows.size() - 1).line(), null,
                        "expected a row for every class, found none for '" + classes.get(j) + "'");
            }
        }
        try {
            return normalised(priors);
        } catch (IllegalArgumentException e) {
            throw new InputException(name, 0, null, e.getMessage());
        }
    }

    private static Map<String, Integer> index(List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        return index;
    }

    private static double[] normalised(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        if (!(sum < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the priors must have a finite sum, got " + sum);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / sum;
            if (!(out[i] > 0)) {
                throw new IllegalArgumentException("the priors must be > 0 after normalising to sum 1; one is "
                        + v[i] + " of a sum of " + sum);
            }
        }
        return out;
    }
}

package org.discern.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discern.io.InputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The preprocessing of a trained model, fitted on the training split only: per feature column,
 * the median (fills missing cells), the mean and the standard deviation (population, ddof = 0;
 * a constant column gets 1), and the clip bound applied after standardising. The log transform
 * of {@link #logColumns()} is applied by {@link TableReader} when reading, with
 * {@link #logEpsilon()}; it is recorded here so that new data is read the same way.
 *
 * <p>{@code x' = clamp((x - mean) / std, -clip, clip)}, with a missing x replaced by the median
 * first. Saved as JSON ({@code preprocessing.json}).
 */
public final class Preprocessing {
    /** Default clip bound after standardising. */
    public static final double DEFAULT_CLIP = 5;

    private final List<String> columns;
    private final List<String> logColumns;
    private final double logEpsilon;
    private final double[] medians;
    private final double[] means;
    private final double[] stds;
    private final double clip;

    private Preprocessing(List<String> columns, List<String> logColumns, double logEpsilon, double[] medians,
            double[] means, double[] stds, double clip) {
        this.columns = List.copyOf(columns);
        this.logColumns = List.copyOf(logColumns);
        this.logEpsilon = logEpsilon;
        this.medians = medians;
        this.means = means;
        this.stds = stds;
        this.clip = clip;
    }

    /**
     * Fits on a (training) table.
     *
     * @param train the rows to fit on; NaN cells are missing and ignored for the median
     * @param logColumns columns the reader log-transformed (recorded, not applied here)
     * @param logEpsilon the reader's epsilon
     * @param clip bound after standardising, &gt; 0 (infinite: no clipping)
     */
    public static Preprocessing fit(Table train, List<String> logColumns, double logEpsilon, double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0, got " + clip);
        }
        int d = train.width();
        int n = train.rows();
        double[] med = new double[d];
        double[] mean = new double[d];
        double[] std = new double[d];
        float[] col = new float[n];
        for (int j = 0; j < d; j++) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                float v = train.value(i, j);
                if (!Float.isNaN(v)) {
                    col[k++] = v;
                }
            }
            if (k == 0) {
                throw new IllegalArgumentException("column '" + train.columns().get(j)
                        + "' has no value in the training split");
            }
            float[] sorted = Arrays.copyOf(col, k);
            Arrays.sort(sorted);
            med[j] = k % 2 == 1 ? sorted[k / 2] : ((double) sorted[k / 2 - 1] + sorted[k / 2]) / 2;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                float v = train.value(i, j);
                sum += Float.isNaN(v) ? med[j] : v;
            }
            mean[j] = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                float v = train.value(i, j);
                double x = (Float.isNaN(v) ? med[j] : v) - mean[j];
                ss += x * x;
            }
            double s = Math.sqrt(ss / n);
            std[j] = s > 0 ? s : 1;
        }
        return new Preprocessing(train.columns(), logColumns, logEpsilon, med, mean, std, clip);
    }

    /**
     * No transformation (mean 0, standard deviation 1, median 0, no clipping): for inputs already
     * on a common scale, such as pixels in [0, 1].
     */
    public static Preprocessing identity(List<String> columns) {
        int d = columns.size();
        double[] ones = new double[d];
        Arrays.fill(ones, 1);
        return new Preprocessing(columns, List.of(), TableReader.DEFAULT_LOG_EPSILON, new double[d], new double[d],
                ones, Double.POSITIVE_INFINITY);
    }

    /** Feature columns, in the order the network sees them. */
    public List<String> columns() {
        return columns;
    }

    /** Columns read as ln(value + epsilon). */
    public List<String> logColumns() {
        return logColumns;
    }

    /** Epsilon of the log transform. */
    public double logEpsilon() {
        return logEpsilon;
    }

    /** Training medians (copy). */
    public double[] medians() {
        return medians.clone();
    }

    /** Training means (copy). */
    public double[] means() {
        return means.clone();
    }

    /** Training standard deviations, 1 for constant columns (copy). */
    public double[] stds() {
        return stds.clone();
    }

    /** Clip bound (infinite: none). */
    public double clip() {
        return clip;
    }

    /**
     * Row-major standardised features of a table whose columns are this preprocessing's, in any
     * order (matched by name; extra columns are ignored).
     *
     * @throws InputException when a column is missing from the table
     */
    public float[] apply(Table t) throws InputException {
        int d = columns.size();
        int[] src = new int[d];
        for (int j = 0; j < d; j++) {
            src[j] = t.columns().indexOf(columns.get(j));
            if (src[j] < 0) {
                throw new InputException(t.source(), 1, columns.get(j), "column the model was trained on is missing"
                        + " from the header " + t.columns());
            }
        }
        int n = t.rows();
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float v = t.value(i, src[j]);
                double x = Float.isNaN(v) ? medians[j] : v;
                double z = (x - means[j]) / stds[j];
                out[i * d + j] = (float) Math.max(-clip, Math.min(clip, z));
            }
        }
        return out;
    }

    /** A reader that reads new data the way the training data was read. */
    public TableReader.Builder readerFor(String labelColumn) {
        return TableReader.builder().label(labelColumn).log(logColumns).logEpsilon(logEpsilon);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", columns);
        m.put("log_columns", logColumns);
        m.put("log_epsilon", logEpsilon);
        m.put("medians", medians);
        m.put("means", means);
        m.put("stds", stds);
        m.put("clip", Double.isInfinite(clip) ? null : clip);
        return m;
    }

    static Preprocessing fromJson(JsonNode n, String file) throws InputException {
        try {
            List<String> cols = strings(n.get("columns"));
            List<String> logs = strings(n.get("log_columns"));
            double eps = n.get("log_epsilon").asDouble();
            double[] med = doubles(n.get("medians"), cols.size(), "medians", file);
            double[] mean = doubles(n.get("means"), cols.size(), "means", file);
            double[] std = doubles(n.get("stds"), cols.size(), "stds", file);
            JsonNode c = n.get("clip");
            double clip = c == null || c.isNull() ? Double.POSITIVE_INFINITY : c.asDouble();
            return new Preprocessing(cols, logs, eps, med, mean, std, clip);
        } catch (NullPointerException e) {
            throw new InputException(file, 0, null, "not a Discern preprocessing file (a field is missing)", e);
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static double[] doubles(JsonNode a, int size, String name, String file) throws InputException {
        if (a == null || !a.isArray() || a.size() != size) {
            throw new InputException(file, 0, null, "'" + name + "' must be an array of " + size + " numbers");
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    /** Writes {@code preprocessing.json}-style JSON. */
    public void save(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toJson());
    }

    /** Reads what {@link #save(Path)} wrote. */
    public static Preprocessing load(Path file) throws IOException {
        return fromJson(new ObjectMapper().readTree(file.toFile()), file.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.columns.equals(columns) && p.logColumns.equals(logColumns)
                && p.logEpsilon == logEpsilon && Arrays.equals(p.medians, medians) && Arrays.equals(p.means, means)
                && Arrays.equals(p.stds, stds) && Double.compare(p.clip, clip) == 0;
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + Arrays.hashCode(means);
    }

    @Override
    public String toString() {
        return "Preprocessing[columns=" + columns + ", log=" + logColumns + ", clip=" + clip + "]";
    }
}

package org.discern.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.Partitioner;

/**
 * How distinct scores are range-partitioned: the score boundaries of R ranges, chosen from
 * per-partition sketches (evenly spaced entries of each partition's sorted distinct scores, each
 * standing for the same share of that partition's entries), so that ranges hold about the same
 * number of distinct scores. Range 0 holds the highest scores.
 */
final class RangePlan implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Entries of a partition's sketch. */
    static final int SKETCH = 64;

    /** Strictly descending boundaries: range r holds scores in [b[r], b[r - 1]). */
    final double[] boundaries;

    private RangePlan(double[] boundaries) {
        this.boundaries = boundaries;
    }

    int ranges() {
        return boundaries.length + 1;
    }

    /**
     * Evenly spaced entries of descending distinct scores (at most {@link #SKETCH}), and how many
     * entries each stands for, appended to {@code out} as (score, weight) pairs.
     */
    static double[] sketch(double[] descending) {
        return sketch(descending.length, i -> descending[i]);
    }

    /** {@link #sketch(double[])} of the m descending scores {@code score(0) .. score(m - 1)}. */
    static double[] sketch(int m, java.util.function.IntToDoubleFunction score) {
        int s = Math.min(m, SKETCH);
        double[] out = new double[2 * s];
        for (int j = 0; j < s; j++) {
            out[2 * j] = score.applyAsDouble((int) ((long) j * m / s));
            out[2 * j + 1] = (double) m / s;
        }
        return out;
    }

    /** About {@code ranges} ranges of equal weight from the sketches (fewer when scores are few). */
    static RangePlan from(List<double[]> sketches, int ranges) {
        List<double[]> points = new ArrayList<>();
        double total = 0;
        for (double[] s : sketches) {
            for (int j = 0; j < s.length; j += 2) {
                points.add(new double[] {s[j], s[j + 1]});
                total += s[j + 1];
            }
        }
        points.sort((a, b) -> Double.compare(b[0], a[0]));
        double[] b = new double[Math.max(0, ranges - 1)];
        int count = 0;
        double seen = 0;
        int next = 1;
        for (double[] p : points) {
            seen += p[1];
            while (next < ranges && seen >= total * next / ranges) {
                if (count == 0 || p[0] < b[count - 1]) {
                    b[count++] = p[0];
                }
                next++;
            }
        }
        return new RangePlan(Arrays.copyOf(b, count));
    }

    /** Sends key r (a range index) to partition r. */
    static final class ByIndex extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByIndex(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByIndex && ((ByIndex) o).partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}

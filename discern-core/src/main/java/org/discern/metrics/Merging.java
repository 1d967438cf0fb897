package org.discern.metrics;

import java.util.List;
import java.util.function.BinaryOperator;

import org.discern.metrics.internal.Checks;

/** How the mergeable summaries merge many parts: pairwise, in list order. */
final class Merging {
    private Merging() {
    }

    /**
     * All parts merged pairwise level by level (each entry is copied O(log parts) times, not
     * O(parts)), keeping list order: part i is always merged with a later part as {@code i.merge(later)}.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    static <T> T pairwise(List<T> parts, BinaryOperator<T> merge) {
        Checks.notNull(parts, "parts");
        Checks.nonEmpty(parts.size(), "parts");
        Object[] level = parts.toArray();
        int n = level.length;
        while (n > 1) {
            int half = 0;
            for (int i = 0; i < n; i += 2) {
                level[half++] = i + 1 < n ? merge.apply(cast(level[i]), cast(level[i + 1])) : level[i];
            }
            n = half;
        }
        return cast(level[0]);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}

package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warnings of one kind about classes (or labels): one warning per class up to {@value #LIMIT}
 * classes, else a single warning that counts them and names the first {@value #NAMED}, so that
 * 16,000 classes of which most are absent give one line, not 16,000.
 */
final class ClassWarnings {
    /** Up to this many classes, each gets its own warning. */
    static final int LIMIT = 20;
    /** A summary names this many classes. */
    static final int NAMED = 10;

    private final String summary;
    private final List<String> each = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /**
     * @param summary the single warning for many classes, a format with {@code %1$s} the number of
     *     classes and {@code %2$s} the quoted names, e.g. {@code "%1$s classes are absent (%2$s)"}
     */
    ClassWarnings(String summary) {
        this.summary = summary;
    }

    /** Records class {@code name} and its own warning. */
    void add(String name, String warning) {
        names.add(name);
        each.add(warning);
    }

    /** Number of classes recorded. */
    int size() {
        return names.size();
    }

    /** Appends the warnings to {@code out}: each one, or the summary when there are too many. */
    void addTo(List<String> out) {
        if (each.size() <= LIMIT) {
            out.addAll(each);
            return;
        }
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < NAMED; i++) {
            quoted.append(i == 0 ? "'" : ", '").append(names.get(i)).append('\'');
        }
        quoted.append(String.format(Locale.ROOT, " and %,d more", names.size() - NAMED));
        out.add(String.format(Locale.ROOT, summary, String.format(Locale.ROOT, "%,d", names.size()), quoted));
    }
}

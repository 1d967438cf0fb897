package org.discern.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for names the user typed that do not exist: a column, a class, an array
 * key. The closest name is the one with the smallest edit distance (Levenshtein, ignoring case);
 * among equally close names the first wins. A name is only suggested when it shares something
 * with what was typed: the distance must be smaller than the longer length and at most the typed
 * length, or the name must contain what was typed (two characters or more). So {@code prob}
 * suggests {@code score} and {@code probability}, {@code scroe} suggests {@code score}, but
 * {@code b} suggests nothing among {@code label} and {@code a}.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The candidate closest to {@code typed}, if any is close enough (see the class comment). */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            int d = distance(t, lower);
            boolean close = d < Math.max(t.length(), c.length()) && d <= t.length()
                    || t.length() >= 2 && lower.contains(t);
            if (close && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@code "; did you mean 'NAME'?"} for the closest candidate, or the empty string when none is
     * close enough: to append to a message.
     */
    public static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    /**
     * The names as a comma-separated list, at most {@code max} of them followed by
     * {@code ... (N more)}.
     */
    public static String list(Collection<String> names, int max) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String n : names) {
            if (shown == max) {
                sb.append(", ... (").append(names.size() - max).append(" more)");
                break;
            }
            if (shown > 0) {
                sb.append(", ");
            }
            sb.append(n);
            shown++;
        }
        return sb.toString();
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}

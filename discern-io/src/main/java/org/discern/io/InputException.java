package org.discern.io;

import java.io.IOException;

/**
 * Input data that cannot be used, with its location: file, line (1-based, the header being line
 * 1; 0 when not applicable, e.g. binary formats), column (name or null), what was expected and
 * what was found. The message reads like {@code predictions.csv:1043: column 'score': 'abc' is
 * not a number}. The command line maps this exception to exit code 3.
 */
public final class InputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String problem;

    /**
     * @param file file name as the user gave it (or a description such as "standard input")
     * @param line 1-based line number, 0 when not applicable
     * @param column column name, or null
     * @param problem what was expected and what was found
     * @param cause underlying exception, or null
     */
    public InputException(String file, long line, String column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = escape(bound(problem));
    }

    /** Convenience constructor without cause. */
    public InputException(String file, long line, String column, String problem) {
        this(file, line, column, problem, null);
    }

    private static String format(String file, long line, String column, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        sb.append(bound(problem));
        return escape(sb.toString());
    }

    /** At most this many characters of a quoted input value are echoed. */
    static final int QUOTE_LIMIT = 40;

    /** At most this many characters of a whole problem are echoed. */
    static final int PROBLEM_LIMIT = 1000;

    /**
     * {@code problem} with every quoted value ({@code '...'}) longer than {@link #QUOTE_LIMIT}
     * shortened to its prefix and its length, and the whole cut at {@link #PROBLEM_LIMIT}: input
     * echoed in a message is never unbounded, whichever reader formed it.
     */
    static String bound(String problem) {
        if (problem == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(problem.length(), PROBLEM_LIMIT + 40));
        int i = 0;
        while (i < problem.length()) {
            int open = problem.indexOf('\'', i);
            int close = open < 0 ? -1 : problem.indexOf('\'', open + 1);
            if (close < 0) {
                sb.append(problem, i, problem.length());
                break;
            }
            sb.append(problem, i, open + 1);
            int n = close - open - 1;
            if (n > QUOTE_LIMIT) {
                sb.append(problem, open + 1, open + 1 + QUOTE_LIMIT).append("\u2026 (").append(n).append(" chars)");
            } else {
                sb.append(problem, open + 1, close);
            }
            sb.append('\'');
            i = close + 1;
        }
        if (sb.length() > PROBLEM_LIMIT) {
            int total = sb.length();
            sb.setLength(PROBLEM_LIMIT);
            sb.append("\u2026 (").append(total).append(" chars)");
        }
        return sb.toString();
    }

    /**
     * {@code s} with control characters written as escapes ({@code \x1b}, {@code \0},
     * {@code \t}, {@code \n}, {@code \r}, {@code \x7f}...), so that input echoed in a message
     * cannot move the cursor, colour the terminal or forge lines.
     */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = switch (c) {
                case '\0' -> "\\0";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e'
                        ? String.format(java.util.Locale.ROOT, c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c) : null;
            };
            if (e != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (e != null) {
                    sb.append(e);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** The file as named by the user. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when not applicable. */
    public long line() {
        return line;
    }

    /** Column name, or null. */
    public String column() {
        return column;
    }

    /** What was expected and what was found, without the location. */
    public String problem() {
        return problem;
    }
}

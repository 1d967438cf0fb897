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
        this.problem = problem;
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
        sb.append(problem);
        return sb.toString();
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

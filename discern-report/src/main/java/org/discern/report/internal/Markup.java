package org.discern.report.internal;

/**
 * HTML under construction where escaping is the default: {@link #append(String)} escapes its text
 * for element content and quoted attribute values ({@link Html#escape}); only {@link #raw(String)}
 * inserts markup as it is, and is meant for literals of the page and for fragments built by
 * another escaping builder (an {@link SvgPlot}, script-safe JSON). So a user string (class, file or
 * column name) inserted with the ordinary method cannot become markup.
 */
public final class Markup {
    private final StringBuilder sb;

    /** An empty page of the given initial capacity. */
    public Markup(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    /** Text, escaped for element content and quoted attribute values. */
    public Markup append(String text) {
        sb.append(Html.escape(text));
        return this;
    }

    /** A number, as decimal digits. */
    public Markup append(long n) {
        sb.append(n);
        return this;
    }

    /** Markup inserted unescaped: a literal of the page, or a fragment another escaping builder made. */
    public Markup raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** The length so far. */
    public int length() {
        return sb.length();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}

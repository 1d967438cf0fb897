package org.discern.report.internal;

/**
 * Escaping for every context a user-supplied string (class, column or file name) can reach in the
 * report: HTML text and attribute values, SVG (XML) text, and JSON embedded in a script element.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes text for HTML/XML element content and quoted attribute values: {@code & < > " '}
     * become entities; control characters other than tab and newline (invalid in XML) become
     * U+FFFD.
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A JSON string literal (with quotes) that is also safe inside an HTML {@code <script>}
     * element: besides JSON's own escapes, {@code < > &} and U+2028/U+2029 are written as
     * {@code \\uXXXX}, so neither {@code </script>} nor {@code <!--} can appear, and the text is
     * valid JavaScript.
     */
    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Makes an arbitrary JSON document safe inside a {@code <script>} element: {@code < > &} and
     * U+2028/U+2029 can only occur inside JSON strings, where their {@code \\uXXXX} form means the
     * same.
     */
    public static String scriptSafeJson(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

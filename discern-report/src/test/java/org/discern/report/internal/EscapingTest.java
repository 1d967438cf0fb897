package org.discern.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EscapingTest {
    @Test
    void htmlEscapesMarkupQuotesAndControls() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
        assertEquals("&quot;onload=&quot;x", Html.escape("\"onload=\"x"));
        assertEquals("a&amp;b &#39;c&#39;", Html.escape("a&b 'c'"));
        assertEquals("x\uFFFDy\tz\n", Html.escape("x\u0000y\tz\n"));
        assertEquals("caf\u00e9 \u2028", Html.escape("caf\u00e9 \u2028"));
    }

    @Test
    void jsonStringIsSafeInsideAScriptElement() {
        assertEquals("\"\\u003c/script\\u003e\\u003c!--\"", Html.jsonString("</script><!--"));
        assertEquals("\"a\\\"b\\\\c\\n\\u2028\\u2029\\u0026\"", Html.jsonString("a\"b\\c\n\u2028\u2029&"));
        assertEquals("\"\\u0001\"", Html.jsonString("\u0001"));
    }

    @Test
    void scriptSafeJsonRewritesOnlyDangerousCharacters() {
        assertEquals("{\"a\":\"\\u003c/script\\u003e\",\"b\":[1,2]}", Html.scriptSafeJson("{\"a\":\"</script>\",\"b\":[1,2]}"));
        assertEquals("\"\\u2028\"", Html.scriptSafeJson("\"\u2028\""));
    }

    @Test
    void numbersAreLocaleIndependent() {
        // surefire runs with a Turkish default locale, where String.format writes a decimal comma
        assertEquals("0.1235", Fmt.fixed(0.12345678, 4));
        assertEquals("0.000", Fmt.fixed(-0.0001, 3));
        assertEquals("-0.001", Fmt.fixed(-0.001, 3));
        assertEquals("NaN", Fmt.fixed(Double.NaN, 2));
        assertEquals("Infinity", Fmt.fixed(Double.POSITIVE_INFINITY, 2));
        assertEquals("12", Fmt.count(12.0));
        assertEquals("2.5", Fmt.count(2.5));
        assertEquals("0.3333", Fmt.count(1.0 / 3));
        assertEquals("7", Fmt.json(7.0));
        assertEquals("0.1", Fmt.json(0.1));
        assertEquals("null", Fmt.json(Double.NaN));
        assertEquals("12.5", Fmt.coord(12.50));
        assertEquals("3", Fmt.coord(3.0001));
    }

    @Test
    void paletteGives25ClassesTheirOwnColourAndRepeatsColourAndDashOnlyAfter104() {
        java.util.Set<String> colours = new java.util.HashSet<>();
        for (int i = 0; i < 25; i++) {
            assertEquals(true, colours.add(Palette.hex(i)), "series " + i);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 104; i++) {
            assertEquals(true, seen.add(Palette.hex(i) + "/" + Palette.dash(i)), "series " + i);
        }
        assertEquals(Palette.hex(0) + "/" + Palette.dash(0), Palette.hex(104) + "/" + Palette.dash(104));
    }

    @Test
    void paletteColoursAreDistinguishable() {
        // no two of the 26 colours closer than 40 in RGB distance (most are far more apart)
        for (int i = 0; i < Palette.colours(); i++) {
            for (int j = i + 1; j < Palette.colours(); j++) {
                java.awt.Color a = Palette.colour(i);
                java.awt.Color b = Palette.colour(j);
                double d = Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                        + Math.pow(a.getBlue() - b.getBlue(), 2));
                assertEquals(true, d >= 40, Palette.hex(i) + " and " + Palette.hex(j) + ": " + d);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void markupEscapesByDefaultAndInsertsOnlyRawMarkupAsIs() {
        String page = new Markup(16).raw("<td title=\"").append("\"><script>x</script>").raw("\">")
                .append("a&b").append(12).raw("</td>").toString();
        org.junit.jupiter.api.Assertions.assertEquals(
                "<td title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">a&amp;b12</td>", page);
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The byte-level helpers of the chunked reader's rows. */
class CsvChunkTest {
    /**
     * A label is looked up by its bytes after the ASCII white space is stripped; it must be
     * declined when it starts or ends with white space beyond ASCII that String.strip removes.
     * Every code point is checked against {@link Character#isWhitespace(int)}.
     */
    @Test
    void unicodeSpaceIsExactlyTheWhiteSpaceBeyondAsciiThatStripRemoves() {
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            boolean expected = Character.isWhitespace(cp);
            boolean got = b.length == 3 && CsvChunk.unicodeSpace(b, 0);
            if (got != expected || expected != (("a" + new String(Character.toChars(cp))).strip().length() == 1)) {
                fail(String.format(Locale.ROOT, "U+%04X: isWhitespace %b, unicodeSpace %b", cp, expected, got));
            }
        }
    }
}

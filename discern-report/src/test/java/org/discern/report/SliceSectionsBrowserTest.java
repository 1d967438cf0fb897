package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.Slices;
import org.discern.metrics.SummaryOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slice table's own sort script in headless Chromium (skipped without /usr/bin/chromium): a
 * click on a column sorts by the exact values (descending, then ascending; undefined last), a
 * click on the slice column by name.
 */
class SliceSectionsBrowserTest {
    private static final Path CHROMIUM = Paths.get(System.getProperty("discern.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    @Test
    void clickingAHeaderSortsTheSlices() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium not found at " + CHROMIUM);
        double[] s = {0.9, 0.8, 0.7, 0.2, 0.6, 0.5, 0.4, 0.3, 0.1, 0.45, 0.35, 0.55};
        boolean[] y = {true, false, true, false, true, false, false, true, true, false, true, false};
        String[] g = {"b", "b", "b", "b", "a", "a", "a", "c", "c", "a", "b", "c"};
        SliceEvaluation ev = SliceEvaluation.binary(s, y, null, Slices.of(List.of("g"), List.<String[]>of(g)),
                SummaryOptions.defaults(), new SliceEvaluation.Intervals.None(), 0);
        EvaluationSummary whole = EvaluationSummary.binary(BinaryEvaluation.of(s, y, null), SummaryOptions.defaults());
        org.discern.report.internal.Markup h = new org.discern.report.internal.Markup(1 << 16);
        h.raw("<!DOCTYPE html><html><body>");
        SlicesSection.render(h, whole, List.of(ev));
        h.raw("<script>(function(){var t=document.getElementById('slice-table-0');var heads=t.tHead.rows[0].cells;"
                + "function col(i){return [].map.call(t.tBodies[0].rows,function(r){return r.cells[i].textContent;})"
                + ".join(' ');}heads[4].click();var a=col(0);heads[4].click();var b=col(0);heads[0].click();var c=col(0);"
                + "var p=document.createElement('pre');p.id='out';p.textContent=a+'|'+b+'|'+c;"
                + "document.body.appendChild(p);})();</script></body></html>");
        Path page = dir.resolve("slices.html");
        Files.writeString(page, h.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        Matcher m = Pattern.compile("<pre id=\"out\">([^<]*)</pre>").matcher(Files.readString(out));
        assertTrue(m.find(), Files.readString(out));
        // by hand: g=a 0.6 over 0.5, 0.4, 0.45: AUC 1; g=b 0.9, 0.7, 0.35 over 0.8, 0.2: 4 of 6;
        // g=c 0.3, 0.1 under 0.55: 0
        assertEquals("g=a g=b g=c|g=c g=b g=a|g=c g=b g=a", m.group(1));
    }
}

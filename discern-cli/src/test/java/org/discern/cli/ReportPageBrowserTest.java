package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's browser tests: the two demo reports (fraud: 0.2% positives; malware: 25 classes) in
 * headless Chromium, driven through the DevTools protocol ({@link Cdp}). Typing a threshold and
 * moving the slider show exactly what {@code discern evaluate --threshold T} prints; arrow keys step
 * one distinct threshold; the log-FPR toggle changes the axis; a legend click highlights the class;
 * a table row click scrolls to the curves; at 1100 px the curves and the readout are on screen
 * together; no horizontal scroll down to phone width; no console message; no network request.
 * Screenshots (1400 and 1100 px) and a PDF print go to {@code discern-report/target/screenshots/}.
 *
 * <p>Chromium is required: without it the tests fail (CI installs it, see {@code .ci/run}); to
 * skip them on a machine without it, run with {@code -Ddiscern.browser.skip=true}.
 */
class ReportPageBrowserTest {
    static final Path EXAMPLES = Path.of("..", "examples");
    static final Path SHOTS = Path.of("..", "discern-report", "target", "screenshots");
    /** The readout's threshold metrics: page cell id suffix (the registry key) -> evaluate's label. */
    static final Map<String, String> READOUT = new LinkedHashMap<>();

    static {
        for (Metric m : List.of(Metric.PRECISION, Metric.RECALL, Metric.SPECIFICITY, Metric.NPV, Metric.F1,
                Metric.ACCURACY, Metric.BALANCED_ACCURACY)) {
            READOUT.put(MetricKey.of(m).key(), MetricKey.of(m).label());
        }
    }

    @TempDir
    static Path dir;
    static Path fraud;
    static Path malware;
    static Cdp cdp;

    @BeforeAll
    static void reports() throws Exception {
        if (!Files.isExecutable(Cdp.CHROMIUM)) {
            Assumptions.assumeFalse(Boolean.getBoolean("discern.browser.skip"), "browser tests skipped on request");
            fail("headless Chromium not found at " + Cdp.CHROMIUM + ": install the Debian package chromium (.ci/run does),"
                    + " point -Ddiscern.chromium=PATH at it, or skip with -Ddiscern.browser.skip=true");
        }
        Path fraudCsv = EXAMPLES.resolve("fraud").resolve("fraud_scores.csv.gz");
        fraud = report(fraudCsv, "fraud", "--ci", "bootstrap", "--replicates", "200", "--max-fpr", "0.01",
                "--cost-fn", "50");
        malware = report(EXAMPLES.resolve("malware25").resolve("predictions.csv"), "malware25", "--ci", "delong");
        cdp = Cdp.start();
    }

    @AfterAll
    static void close() throws Exception {
        if (cdp != null) {
            assertEquals(List.of(), cdp.consoleMessages(), "console messages and exceptions");
            for (String url : cdp.requests()) {
                assertTrue(url.startsWith("file:") && url.endsWith("report.html"), "network request " + url);
            }
            cdp.close();
        }
    }

    static Path report(Path input, String name, String... options) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("report", input.toString(), "--out", out.toString(),
                "--no-images"));
        args.addAll(List.of(options));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out.resolve("report.html").toAbsolutePath();
    }

    /** What {@code evaluate --threshold T} prints: the four counts and the decision metrics by label. */
    static Map<String, String> evaluate(Path input, String threshold, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", input.toString(), "--threshold", threshold));
        args.addAll(List.of(options));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s{2,}");
            if (line.startsWith("  actual positive")) {
                out.put("tp", f[1]);
                out.put("fn", f[2]);
            } else if (line.startsWith("  actual negative")) {
                out.put("fp", f[1]);
                out.put("tn", f[2]);
            } else if (line.startsWith("  ") && line.length() > 41 && !line.startsWith("   ")) {
                out.put(line.substring(2, 40).trim(), line.substring(41).trim());
            }
        }
        return out;
    }

    /** The page's readout: counts and the threshold metrics, as shown. */
    static Map<String, String> readout() throws Exception {
        JsonNode n = cdp.eval("(function(){var o={};['tp','fp','tn','fn'].forEach(function(k){o[k]=document.getElementById("
                + "'cm-'+k).textContent;});document.querySelectorAll('table.readout td[id]').forEach(function(td){"
                + "o[td.id]=td.textContent;});o.note=document.getElementById('ro-note').textContent;return o;})()");
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static void assertSameAsEvaluate(Map<String, String> page, Map<String, String> cli, String what) {
        for (String k : List.of("tp", "fp", "tn", "fn")) {
            assertEquals(cli.get(k), page.get(k), what + ": " + k + " (page " + page + ", evaluate " + cli + ")");
        }
        for (Map.Entry<String, String> e : READOUT.entrySet()) {
            assertEquals(cli.get(e.getValue()), page.get("ro-" + e.getKey()), what + ": " + e.getValue());
        }
    }

    static void typeThreshold(String t) throws Exception {
        cdp.eval("(function(){var i=document.getElementById('threshold-input');i.focus();i.select();})()");
        cdp.type(t);
        cdp.key("Enter", 13);
    }

    static void center(String selector) throws Exception {
        cdp.eval("document.querySelector(" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(selector)
                + ").scrollIntoView({block:'center'})");
        double[] b = cdp.box(selector);
        cdp.click((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
    }

    @Test
    void fraudReadoutIsWhatEvaluatePrintsAtTypedSlidAndSteppedThresholds() throws Exception {
        Path csv = EXAMPLES.resolve("fraud").resolve("fraud_scores.csv.gz");
        cdp.viewport(1400, 1000);
        cdp.open(fraud.toUri().toString());
        // typed: exactly evaluate --threshold 0.3 (76 TP, 11 FP among 99,800 negatives)
        typeThreshold("0.3");
        Map<String, String> page = readout();
        assertSameAsEvaluate(page, evaluate(csv, "0.3"), "typed 0.3");
        assertTrue(page.get("note").startsWith("Lowest score at or above 0.3: "), page.get("note"));
        // one false positive in 99,800 is not 0.0000: six decimals and a count per 100,000
        typeThreshold("0.5");
        page = readout();
        assertSameAsEvaluate(page, evaluate(csv, "0.5"), "typed 0.5: one false positive");
        assertTrue(page.get("ro-fpr").matches("0\\.0000\\d\\d") && !page.get("ro-fpr").equals("0.000000"), page.get("ro-fpr"));
        assertEquals("1 of 99,800 = 1.0 per 100,000", page.get("ro-fp-per"));
        // a label cut at the panel's width is whole on hover, with its key
        assertEquals("negative predictive value (npv)",
                cdp.eval("document.getElementById('ro-npv').previousElementSibling.title").asText());

        // the slider, clicked at 30% of its track: the threshold shown is a score, and the readout is evaluate's there
        double[] s = cdp.box("#threshold-slider");
        cdp.eval("document.getElementById('threshold-slider').scrollIntoView({block:'center'})");
        s = cdp.box("#threshold-slider");
        cdp.click(s[0] + 0.3 * (s[2] - s[0]), (s[1] + s[3]) / 2);
        String slid = readout().get("ro-threshold");
        assertNotEquals("0.5", slid);
        assertSameAsEvaluate(readout(), evaluate(csv, slid), "slider at " + slid);

        // arrow right: the next higher distinct score, one fewer group of rows flagged
        cdp.eval("document.getElementById('threshold-slider').focus()");
        cdp.key("ArrowRight", 39);
        Map<String, String> up = readout();
        double t1 = Double.parseDouble(up.get("ro-threshold"));
        assertTrue(t1 > Double.parseDouble(slid), t1 + " after " + slid);
        assertSameAsEvaluate(up, evaluate(csv, up.get("ro-threshold")), "arrow right");
        cdp.key("ArrowLeft", 37);
        assertEquals(slid, readout().get("ro-threshold"), "arrow left steps back");

        assertReadableRange();

        // the ROC chart opens on log FPR for rare positives; the toggle changes the axis
        assertEquals("log", cdp.eval("document.getElementById('roc-chart').getAttribute('data-xscale')").asText());
        String logTicks = cdp.eval("Array.from(document.querySelectorAll('#roc-chart text.tick-x')).map(t=>t.textContent).join(' ')")
                .asText();
        assertTrue(logTicks.contains("0.01%") && logTicks.contains("1%"), logTicks);
        center("#roc-log");
        assertEquals("linear", cdp.eval("document.getElementById('roc-chart').getAttribute('data-xscale')").asText());
        String linearTicks = cdp.eval("Array.from(document.querySelectorAll('#roc-chart text.tick-x')).map(t=>t.textContent).join(' ')")
                .asText();
        assertNotEquals(logTicks, linearTicks);
        assertTrue(linearTicks.contains("0.2") && !linearTicks.contains("%"), linearTicks);
        center("#roc-log");
        // partial AUC shaded, the bootstrap band drawn, the four markers on the curve
        assertEquals(1, cdp.eval("document.querySelectorAll('#roc-chart path.pauc').length").asInt());
        assertEquals(1, cdp.eval("document.querySelectorAll('#roc-chart path.band').length").asInt());
        assertEquals(4, cdp.eval("document.querySelectorAll('#markers button').length").asInt());
        // a marker click moves the threshold to the criterion's
        center("#markers button:nth-child(2)");
        String marked = cdp.eval("document.querySelector('#markers button:nth-child(2)').textContent").asText();
        assertTrue(marked.endsWith(": " + readout().get("ro-threshold")), marked + " vs " + readout());

        // the cost-optimal marker with the costs given: threshold --by cost --cost-fp 1 --cost-fn 50's threshold and counts
        CliRunner.Result r = CliRunner.run("threshold", csv.toString(), "--by", "cost", "--cost-fp", "1", "--cost-fn", "50",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode chosen = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals("min cost (FP 1, FN 50): " + chosen.get("threshold").asText(),
                cdp.eval("document.querySelector('#markers button:nth-child(3)').textContent").asText());
        center("#markers button:nth-child(3)");
        Map<String, String> atCost = readout();
        assertEquals(chosen.get("threshold").asText(), atCost.get("ro-threshold"));
        for (String k : List.of("tp", "fp", "tn", "fn")) {
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", chosen.get("confusion").get(k).asLong()), atCost.get(k), k);
        }

        screenshots("fraud");
        cdp.pdf(SHOTS.resolve("fraud.pdf"));
    }

    @Test
    void malwareClassReadoutLegendTableAndLayout() throws Exception {
        Path csv = EXAMPLES.resolve("malware25").resolve("predictions.csv");
        cdp.viewport(1400, 1000);
        cdp.open(malware.toUri().toString());
        // one-vs-rest class Allaple.A: typed threshold is evaluate --class Allaple.A --threshold 0.3
        cdp.eval("(function(){var s=document.getElementById('class-select');s.value=Array.from(s.options)"
                + ".find(o=>o.textContent==='Allaple.A').value;s.dispatchEvent(new Event('change'));})()");
        assertEquals("Allaple.A", readout().get("ro-class"));
        typeThreshold("0.3");
        Map<String, String> page = readout();
        assertSameAsEvaluate(page, evaluate(csv, "0.3", "--class", "Allaple.A"), "Allaple.A at 0.3");
        assertTrue(page.get("note").startsWith("Lowest score at or above 0.3: "), page.get("note"));
        // 25 classes with delong intervals: in the legend and in the per-class table
        assertEquals(25, cdp.eval("Array.from(document.querySelectorAll('#legend .item .num'))"
                + ".filter(e=>/\\[/.test(e.textContent)).length").asInt());
        assertEquals(25, cdp.eval("Array.from(document.querySelectorAll('#class-table tbody tr')).filter(r=>/\\[/.test(r.textContent)).length")
                .asInt());
        // DeLong gives no AP interval: each class's AP interval cell says so (and that the bootstrap does)
        assertEquals(25, cdp.eval("Array.from(document.querySelectorAll('#class-table td.no-ci'))"
                + ".filter(td=>td.textContent==='\u2014'&&/--ci bootstrap/.test(td.title)).length").asInt());
        // softmax scores down to 1e-9: the slider's range is written for reading, not as 8.16567e-10
        assertReadableRange();
        // micro and macro curves drawn; 25 class curves in at least 25 distinct (colour, dash) styles
        assertEquals(27, cdp.eval("document.querySelectorAll('#roc-chart path.curve').length").asInt());
        assertEquals(25, cdp.eval("new Set(Array.from(document.querySelectorAll('#roc-chart path.curve')).slice(0,25)"
                + ".map(p=>p.getAttribute('stroke')+'|'+p.getAttribute('stroke-dasharray'))).size").asInt());
        // legend click highlights the class
        center("#legend .item[data-curve='7']");
        assertTrue(cdp.eval("document.querySelector('#legend .item[data-curve=\"7\"]').classList.contains('hl')").asBoolean());
        assertTrue(cdp.eval("document.querySelector('#roc-chart path.curve[data-curve=\"7\"]').classList.contains('hl')").asBoolean());
        assertTrue(cdp.eval("document.getElementById('roc-chart').classList.contains('dim')").asBoolean());
        // table row click selects the class and scrolls to the curves
        center("#class-table tr[data-table='12']");
        assertEquals("12", cdp.eval("document.getElementById('class-select').value").asText());
        double top = cdp.box("#curves")[1];
        assertTrue(Math.abs(top) < 2, "curves heading at " + top);
        // one-vs-rest small multiples: one panel per class, on the ROC chart's FPR scale; a click shows the class
        assertEquals(25, cdp.eval("document.querySelectorAll('#panels .mini path.pcurve').length").asInt());
        assertEquals("Lolyda.AA2", cdp.eval("document.querySelector('#panels .mini[data-curve=\"13\"] .name').textContent").asText());
        assertEquals("log", cdp.eval("document.getElementById('panels').getAttribute('data-xscale')").asText());
        String logPanel = cdp.eval("document.querySelector('#panels .mini[data-curve=\"13\"] path.pcurve').getAttribute('d')").asText();
        center("#roc-log");
        assertEquals("linear", cdp.eval("document.getElementById('panels').getAttribute('data-xscale')").asText());
        assertNotEquals(logPanel, cdp.eval("document.querySelector('#panels .mini[data-curve=\"13\"] path.pcurve').getAttribute('d')")
                .asText());
        center("#roc-log");
        center("#panels .mini[data-curve='13']");
        assertEquals("13", cdp.eval("document.getElementById('class-select').value").asText());
        assertEquals("Lolyda.AA2", readout().get("ro-class"));
        assertTrue(Math.abs(cdp.box("#curves")[1]) < 2, "curves heading after a panel click");
        // the confusion matrix scrolls inside its card, its header row and column stay
        assertTrue(cdp.eval("(function(){var w=document.querySelector('.cm-wrap');return w.scrollWidth>w.clientWidth"
                + "||w.scrollHeight>w.clientHeight||w.clientWidth<=document.documentElement.clientWidth;})()").asBoolean());
        assertEquals("sticky", cdp.eval("getComputedStyle(document.querySelector('#cmk thead th')).position").asText());
        assertEquals("sticky", cdp.eval("getComputedStyle(document.querySelector('#cmk tbody th')).position").asText());
        screenshots("malware25");
    }

    /** The slider's score range: six significant digits, tiny scores as "8.16567 × 10⁻¹⁰", never a raw exponent. */
    static void assertReadableRange() throws Exception {
        String range = cdp.eval("document.getElementById('slider-range').textContent").asText();
        String number = "-?[0-9][0-9,]*(\\.[0-9]+)?( \u00d7 10\u207b?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)?";
        assertTrue(range.matches("scores " + number + " \u2013 " + number), range);
        assertTrue(!range.contains("e-") && !range.contains("E-"), range);
    }

    /**
     * At 1400 and 1100 px: curves, slider and readout on screen together, no horizontal scroll
     * (also at phone width); screenshots of the top of the page (the instrument) and of the whole page.
     */
    static void screenshots(String name) throws Exception {
        for (int width : new int[] {1400, 1100}) {
            int height = width == 1400 ? 1000 : 800;
            cdp.viewport(width, height);
            cdp.eval("window.scrollTo(0,0)");
            cdp.screenshot(SHOTS.resolve(name + "-" + width + ".png"), false);
            cdp.eval("document.getElementById('curves').scrollIntoView({block:'start'})");
            for (String sel : List.of("#roc-chart", "#threshold-slider", "table.readout", "#cm")) {
                double[] b = cdp.box(sel);
                assertTrue(b[0] >= 0 && b[1] >= 0 && b[2] <= width && b[3] <= height,
                        name + " at " + width + " px: " + sel + " off screen: " + java.util.Arrays.toString(b));
            }
            // and nothing in the threshold panel is wider than the panel (a long class name included)
            double[] panel = cdp.box("#panel");
            for (String sel : List.of("#cm", "table.readout", "#threshold-slider")) {
                double[] b = cdp.box(sel);
                assertTrue(b[0] >= panel[0] && b[2] <= panel[2], name + " at " + width + " px: " + sel + " "
                        + java.util.Arrays.toString(b) + " outside the panel " + java.util.Arrays.toString(panel));
            }
            assertTrue(cdp.eval("document.documentElement.scrollWidth <= window.innerWidth").asBoolean(),
                    name + ": horizontal scroll at " + width + " px");
        }
        cdp.viewport(1400, 1000);
        cdp.screenshot(SHOTS.resolve(name + "-1400-full.png"), true);
        cdp.viewport(390, 800);
        assertTrue(cdp.eval("document.documentElement.scrollWidth <= window.innerWidth").asBoolean(),
                name + ": horizontal scroll at phone width");
        cdp.screenshot(SHOTS.resolve(name + "-390.png"), false);
        cdp.viewport(1400, 1000);
    }
}

package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;
import org.discern.report.internal.Fmt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium (skipped when /usr/bin/chromium is absent). The
 * page's test hook ({@code #test=class:i,slider:t}) moves the controls and writes the state into
 * {@code #test-result}, which {@code --dump-dom} prints.
 */
class BrowserTest {
    static final Path CHROMIUM = Paths.get(System.getProperty("discern.chromium", "/usr/bin/chromium"));

    @BeforeAll
    static void chromiumPresent() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium not found at " + CHROMIUM + ": browser test skipped (install the Debian package chromium)");
    }

    static List<String> baseArgs(Path profile) {
        return new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    }

    record Run(String stdout, String stderr) {
    }

    static Run run(List<String> args, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("chromium.out");
        Path err = work.resolve("chromium.err");
        Process p = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + args);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The JSON the page's test hook wrote, unescaped from the dumped DOM. */
    static String testResult(String dom) {
        Matcher m = Pattern.compile("<pre id=\"test-result\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "no test result in the DOM");
        return m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    static String dump(Path html, String hash, Path work) throws IOException, InterruptedException {
        List<String> args = baseArgs(Files.createTempDirectory(work, "profile"));
        args.addAll(List.of("--virtual-time-budget=5000", "--dump-dom", html.toUri() + hash));
        Run r = run(args, work);
        List<String> console = new ArrayList<>();
        for (String line : r.stderr.split("\n")) {
            if (line.contains("CONSOLE") || line.contains("Uncaught")) {
                console.add(line);
            }
        }
        assertEquals(List.of(), console, "console messages");
        return r.stdout;
    }

    @Test
    void sliderShowsTheLibrarysConfusionMatrix(@TempDir Path tmp) throws Exception {
        BinaryEvaluation ev = HtmlReportTest.binary(50_000, 11);
        Path dir = tmp.resolve("report");
        Path html = HtmlReportTest.binaryBuilder(ev).images(false).build().write(dir, false);
        List<ConfusionMatrix> seen = new ArrayList<>();
        for (String t : List.of("0.3", "0.7")) {
            String json = testResult(dump(html, "#test=slider:" + t, tmp));
            assertTrue(json.contains("\"errors\":[]"), json);
            // every chart drawn: one curve each, with the marker visible
            assertTrue(json.contains("{\"id\":\"roc-chart\",\"curves\":1,\"marker\":\"visible\"}"), json);
            assertTrue(json.contains("{\"id\":\"pr-chart\",\"curves\":1,\"marker\":\"visible\"}"), json);
            double threshold = Double.parseDouble(field(json, "threshold"));
            assertTrue(threshold >= Double.parseDouble(t), "threshold " + threshold + " for slider " + t);
            ConfusionMatrix lib = ev.confusionAt(threshold);
            assertEquals(Fmt.count(lib.tp()), field(json, "tp"), json);
            assertEquals(Fmt.count(lib.fp()), field(json, "fp"), json);
            assertEquals(Fmt.count(lib.tn()), field(json, "tn"), json);
            assertEquals(Fmt.count(lib.fn()), field(json, "fn"), json);
            assertEquals(Fmt.fixed(lib.recall(), 4), field(json, "tpr"), json);
            assertEquals(Fmt.fixed(lib.falsePositiveRate(), 4), field(json, "fpr"), json);
            assertEquals(Fmt.fixed(lib.precision(), 4), field(json, "precision"), json);
            seen.add(lib);
        }
        assertNotEquals(seen.get(0), seen.get(1));
    }

    @Test
    void multiclassPageRunsWithHostileNamesAndSavesAScreenshot(@TempDir Path tmp) throws Exception {
        HtmlReportTest.MulticlassFixture f = HtmlReportTest.multiclass(20_000, 25, 12);
        Path dir = tmp.resolve("mc");
        Path html = HtmlReport.builder().multiclass(f.names(), f.evs(), f.confusion()).clock(HtmlReportTest.CLOCK)
                .images(false).build().write(dir, false);
        String dom = dump(html, "#test=class:3,slider:0.1", tmp);
        String json = testResult(dom);
        assertTrue(json.contains("\"errors\":[]"), json);
        assertTrue(json.contains("\"table\":3"), json);
        // the class named <script>alert(1)</script> is text, not an element; "onload="x no attribute
        assertEquals(-1, dom.indexOf("<script>alert(1)</script>"));
        assertEquals(2, HtmlReportTest.count(dom, "<script"), "script elements in the live DOM");
        assertEquals(-1, dom.indexOf(" onload="));
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(json.contains("{\"id\":\"roc-chart\",\"curves\":25,\"marker\":\"visible\"}"), json);
        double threshold = Double.parseDouble(field(json, "threshold"));
        ConfusionMatrix lib = f.evs().get(3).confusionAt(threshold);
        assertEquals(Fmt.count(lib.tp()), field(json, "tp"), json);
        assertEquals(Fmt.count(lib.fn()), field(json, "fn"), json);
        assertEquals(Fmt.count(lib.fp()), field(json, "fp"), json);
        assertEquals(Fmt.count(lib.tn()), field(json, "tn"), json);

        Path shots = Paths.get("target", "browser");
        Files.createDirectories(shots);
        for (var page : List.of(new Object[] {html, "multiclass.png"},
                new Object[] {HtmlReportTest.binaryBuilder(HtmlReportTest.binary(5000, 13)).images(false).build()
                        .write(tmp.resolve("bin"), false), "binary.png"})) {
            Path shot = shots.resolve((String) page[1]).toAbsolutePath();
            Files.deleteIfExists(shot);
            List<String> args = baseArgs(Files.createTempDirectory(tmp, "profile"));
            args.addAll(List.of("--hide-scrollbars", "--window-size=1280,1500", "--virtual-time-budget=5000",
                    "--screenshot=" + shot, ((Path) page[0]).toUri() + "#test=slider:0.5"));
            run(args, tmp);
            assertTrue(Files.size(shot) > 20_000, "screenshot " + shot);
        }
    }
}

package org.discern.cli;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code discern evaluate} and {@code discern curves} on multi-class and multi-label input: the
 * fixture CSVs, and .npy/.npz files written here from the fixture JSON, against scikit-learn's
 * numbers (1e-9).
 */
class MulticlassCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<String> multiclass() {
        return Fixtures.MULTICLASS.stream();
    }

    // ---------------------------------------------------------------- evaluate, multi-class

    @ParameterizedTest
    @MethodSource("multiclass")
    void evaluateCsvMatchesScikitLearn(String name) throws IOException {
        Path csv = Fixtures.csv(name, dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        checkMulticlass(name, MAPPER.readTree(r.out()));
    }

    @ParameterizedTest
    @MethodSource("multiclass")
    void evaluateNpyMatchesScikitLearn(String name) throws IOException {
        JsonNode in = Fixtures.json(name).get("input");
        List<String> args = new ArrayList<>(List.of("evaluate", "--format", "json"));
        args.addAll(writeNpyInput(in, "classes", false));
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        checkMulticlass(name, MAPPER.readTree(r.out()));
    }

    @ParameterizedTest
    @MethodSource("multiclass")
    void evaluateNpzMatchesScikitLearn(String name) throws IOException {
        JsonNode in = Fixtures.json(name).get("input");
        List<String> npyArgs = writeNpyInput(in, "classes", true);
        Path npz = dir.resolve(name + ".npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
            zip.putNextEntry(new ZipEntry("y_true.npy"));
            Files.copy(dir.resolve("y.npy"), zip);
            zip.putNextEntry(new ZipEntry("y_score.npy"));
            Files.copy(dir.resolve("p.npy"), zip);
            if (Files.exists(dir.resolve("w.npy"))) {
                zip.putNextEntry(new ZipEntry("w.npy"));
                Files.copy(dir.resolve("w.npy"), zip);
            }
        }
        List<String> args = new ArrayList<>(List.of("evaluate", "--format", "json", "--npz", npz.toString(),
                "--class-names", npyArgs.get(npyArgs.indexOf("--class-names") + 1)));
        if (Files.exists(dir.resolve("w.npy"))) {
            args.addAll(List.of("--weights-key", "w"));
        }
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        checkMulticlass(name, MAPPER.readTree(r.out()));
    }

    private static void checkMulticlass(String name, JsonNode j) {
        JsonNode ex = Fixtures.json(name).get("expected");
        JsonNode in = Fixtures.json(name).get("input");
        assertEquals("multiclass", j.get("task").asText());
        assertEquals(in.get("labels").size(), j.get("n").asInt());
        assertEquals(in.get("classes"), j.get("classes"));
        List<String> keys = new ArrayList<>(List.of("roc_auc_ovr_macro", "roc_auc_ovr_weighted", "roc_auc_ovr_micro",
                "average_precision_macro", "average_precision_weighted", "average_precision_micro", "accuracy",
                "balanced_accuracy", "cohen_kappa", "mcc", "log_loss", "top_2_accuracy", "top_3_accuracy"));
        for (String avg : List.of("macro", "weighted", "micro")) {
            keys.addAll(List.of("precision_" + avg, "recall_" + avg, "f1_" + avg));
        }
        if (ex.has("roc_auc_ovo_macro")) {
            keys.addAll(List.of("roc_auc_ovo_macro", "roc_auc_ovo_weighted"));
        } else {
            // scikit-learn has no weighted one-vs-one; Discern reports it (tested in core)
            assertTrue(j.get("roc_auc_ovo_macro").isNumber());
        }
        for (String key : keys) {
            assertClose(ex.get(key).asDouble(), j.get(key).asDouble(), name + " " + key);
        }
        JsonNode cm = j.get("confusion_matrix");
        for (int t = 0; t < cm.size(); t++) {
            assertArrayClose(Fixtures.doubles(ex.get("confusion_matrix").get(t)), Fixtures.doubles(cm.get(t)),
                    name + " confusion row " + t);
        }
        JsonNode per = j.get("per_class");
        for (int c = 0; c < per.size(); c++) {
            JsonNode e = ex.get("per_class").get(c);
            JsonNode a = per.get(c);
            assertEquals(e.get("class").asText(), a.get("class").asText());
            for (String key : List.of("support", "precision", "recall", "f1", "roc_auc", "average_precision")) {
                assertClose(e.get(key).asDouble(), a.get(key).asDouble(), name + " " + e.get("class") + " " + key);
            }
        }
        assertEquals(0, j.get("warnings").size(), j.get("warnings").toString());
    }

    @Test
    void evaluateTableIsAClassificationReportWithAucColumns() throws IOException {
        Path csv = Fixtures.csv("multiclass_small_ties", dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--top-k", "1,4");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("80 rows, 5 classes (multi-class)"), out);
        assertTrue(out.matches("(?s).*precision +recall +f1-score +support +roc_auc +avg_prec\n.*"), out);
        // ant: precision 0.5833, recall 0.7778, f1 0.6667, support 9, ROC AUC 0.8568, AP 0.7725
        assertTrue(out.contains("ant     0.5833     0.7778     0.6667          9     0.8568     0.7725"), out);
        assertTrue(out.contains("macro avg     0.6263     0.6309     0.6205         80     0.8661     0.7111"), out);
        assertTrue(out.contains("accuracy                           0.6250         80\n"), out);
        assertTrue(out.contains("top-1 accuracy"), out);
        assertTrue(out.contains("top-4 accuracy"), out);
        assertTrue(out.contains("confusion matrix (rows = true class, columns = predicted class):"), out);
        assertTrue(out.contains("\n0          ant   7  0  1  0  1\n1          bee   2 13  1  1  3\n"), out);
        assertTrue(!out.contains(" \n"), "no trailing blanks");
    }

    @Test
    void topKKeysFollowTheOption() throws IOException {
        Path csv = Fixtures.csv("multiclass_digits", dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--format", "json", "--top-k", "1,2,10");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertClose(j.get("accuracy").asDouble(), j.get("top_1_accuracy").asDouble(), "top 1 = accuracy (no ties)");
        assertClose(Fixtures.json("multiclass_digits").get("expected").get("top_2_accuracy").asDouble(),
                j.get("top_2_accuracy").asDouble(), "top 2");
        assertEquals(1.0, j.get("top_10_accuracy").asDouble());
        assertTrue(!j.has("top_3_accuracy"));
    }

    @Test
    void classesOptionReordersTheClasses() throws IOException {
        Path csv = Fixtures.csv("multiclass_small_ties", dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--format", "json", "--classes",
                "eel,dog,cat,bee,ant");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertEquals(List.of("eel", "dog", "cat", "bee", "ant"), Fixtures.strings(j.get("classes")));
        JsonNode ex = Fixtures.json("multiclass_small_ties").get("expected");
        for (int c = 0; c < 5; c++) {
            JsonNode e = ex.get("per_class").get(4 - c);
            JsonNode a = j.get("per_class").get(c);
            assertEquals(e.get("class").asText(), a.get("class").asText());
            assertClose(e.get("roc_auc").asDouble(), a.get("roc_auc").asDouble(), "auc " + a.get("class"));
            assertClose(e.get("average_precision").asDouble(), a.get("average_precision").asDouble(), "ap");
        }
        // order-free summaries are unchanged
        assertClose(ex.get("roc_auc_ovr_macro").asDouble(), j.get("roc_auc_ovr_macro").asDouble(), "ovr macro");
        assertClose(ex.get("roc_auc_ovo_macro").asDouble(), j.get("roc_auc_ovo_macro").asDouble(), "ovo macro");
    }

    // ---------------------------------------------------------------- evaluate, multi-label

    @Test
    void evaluateMultilabelCsvAndNpyMatchScikitLearn() throws IOException {
        String name = "multilabel_small";
        Path csv = Fixtures.csv(name, dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        checkMultilabel(MAPPER.readTree(r.out()));

        JsonNode in = Fixtures.json(name).get("input");
        List<String> args = new ArrayList<>(List.of("evaluate", "--format", "json"));
        args.addAll(writeNpyInput(in, "labels_names", false));
        // an indicator matrix is never silently multi-label: without --layout its first multi-hot row is named
        CliRunner.Result refused = CliRunner.run(args.toArray(new String[0]));
        assertEquals(ExitCodes.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("give --layout multilabel"), refused.err());
        args.addAll(List.of("--layout", "multilabel"));
        CliRunner.Result n = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, n.code(), n.err());
        checkMultilabel(MAPPER.readTree(n.out()));

        CliRunner.Result t = CliRunner.run("evaluate", csv.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("120 rows, 4 labels (multi-label)"), t.out());
        assertTrue(t.out().contains("samples avg"), t.out());
        assertTrue(t.out().contains("coverage error"), t.out());
    }

    private static void checkMultilabel(JsonNode j) {
        JsonNode ex = Fixtures.json("multilabel_small").get("expected");
        assertEquals("multilabel", j.get("task").asText());
        assertEquals(Fixtures.json("multilabel_small").get("input").get("labels_names"), j.get("labels"));
        for (String key : List.of("roc_auc_macro", "roc_auc_weighted", "roc_auc_micro", "roc_auc_samples",
                "average_precision_macro", "average_precision_weighted", "average_precision_micro",
                "average_precision_samples", "label_ranking_average_precision", "coverage_error")) {
            assertClose(ex.get(key).asDouble(), j.get(key).asDouble(), key);
        }
        for (int c = 0; c < 4; c++) {
            JsonNode e = ex.get("per_label").get(c);
            JsonNode a = j.get("per_label").get(c);
            assertEquals(e.get("label").asText(), a.get("label").asText());
            assertClose(e.get("roc_auc").asDouble(), a.get("roc_auc").asDouble(), "label auc");
            assertClose(e.get("average_precision").asDouble(), a.get("average_precision").asDouble(), "label ap");
        }
    }

    @Test
    void evaluateBinaryNpyMatchesScikitLearn() throws IOException {
        JsonNode fx = Fixtures.json("binary_small_ties");
        double[] scores = Fixtures.doubles(fx.get("input").get("scores"));
        int[] labels = Fixtures.ints(fx.get("input").get("labels"));
        ByteBuffer y = ByteBuffer.allocate(labels.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer p = ByteBuffer.allocate(scores.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < labels.length; i++) {
            y.putLong(labels[i]);
            p.putDouble(scores[i]);
        }
        writeNpy(dir.resolve("by.npy"), "<i8", false, y.array(), labels.length);
        writeNpy(dir.resolve("bp.npy"), "<f8", false, p.array(), scores.length);
        CliRunner.Result r = CliRunner.run("evaluate", "--labels", dir.resolve("by.npy").toString(), "--scores",
                dir.resolve("bp.npy").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertEquals("binary", j.get("task").asText());
        assertClose(fx.get("expected").get("roc_auc").asDouble(), j.get("roc_auc").asDouble(), "roc_auc");
        assertClose(fx.get("expected").get("average_precision").asDouble(), j.get("average_precision").asDouble(), "ap");
    }

    // ---------------------------------------------------------------- curves

    @Test
    void curvesWritesEveryClassTheAveragesAndAnIndex() throws IOException {
        String name = "multiclass_digits";
        Path csv = Fixtures.csv(name, dir);
        Path out = dir.resolve("curves");
        CliRunner.Result r = CliRunner.run("curves", csv.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode ex = Fixtures.json(name).get("expected");
        for (int c = 0; c < 10; c++) {
            JsonNode roc = ex.get("per_class").get(c).get("roc_curve");
            double[][] cols = readCsv(out.resolve("roc_digit_" + c + ".csv"), "threshold,fpr,tpr");
            assertArrayClose(Fixtures.doubles(roc.get("thresholds")), cols[0], "roc thresholds " + c);
            assertArrayClose(Fixtures.doubles(roc.get("fpr")), cols[1], "roc fpr " + c);
            assertArrayClose(Fixtures.doubles(roc.get("tpr")), cols[2], "roc tpr " + c);
            assertTrue(Files.exists(out.resolve("pr_digit_" + c + ".csv")));
        }
        double[][] micro = readCsv(out.resolve("roc_micro.csv"), "threshold,fpr,tpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve_micro").get("fpr")), micro[1], "micro fpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve_micro").get("tpr")), micro[2], "micro tpr");
        double[][] macro = readCsv(out.resolve("roc_macro.csv"), "fpr,tpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve_macro").get("fpr")), macro[0], "macro fpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve_macro").get("tpr")), macro[1], "macro tpr");
        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertEquals("curve,class,file", index.get(0));
        assertEquals("roc,digit_0,roc_digit_0.csv", index.get(1));
        assertEquals("pr,digit_0,pr_digit_0.csv", index.get(2));
        assertEquals("roc_micro,,roc_micro.csv", index.get(21));
        assertEquals("roc_macro,,roc_macro.csv", index.get(22));
        assertEquals(23, index.size());
    }

    @Test
    void curvesOfMultilabelInputHaveScikitLearnAreas() throws IOException {
        String name = "multilabel_small";
        Path csv = Fixtures.csv(name, dir);
        Path out = dir.resolve("ml");
        CliRunner.Result r = CliRunner.run("curves", csv.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode ex = Fixtures.json(name).get("expected");
        for (JsonNode pl : ex.get("per_label")) {
            double[][] roc = readCsv(out.resolve("roc_" + pl.get("label").asText() + ".csv"), "threshold,fpr,tpr");
            double area = 0;
            for (int i = 1; i < roc[1].length; i++) {
                area += (roc[1][i] - roc[1][i - 1]) * (roc[2][i] + roc[2][i - 1]) / 2;
            }
            assertClose(pl.get("roc_auc").asDouble(), area, "area of roc_" + pl.get("label").asText());
            assertTrue(Files.exists(out.resolve("pr_" + pl.get("label").asText() + ".csv")));
        }
        double[][] micro = readCsv(out.resolve("roc_micro.csv"), "threshold,fpr,tpr");
        double area = 0;
        for (int i = 1; i < micro[1].length; i++) {
            area += (micro[1][i] - micro[1][i - 1]) * (micro[2][i] + micro[2][i - 1]) / 2;
        }
        assertClose(ex.get("roc_auc_micro").asDouble(), area, "area of roc_micro");
        assertEquals(4 * 2 + 2 + 1, Files.readAllLines(out.resolve("index.csv")).size());
    }

    @Test
    void curvesMakeClassNamesSafeAndDistinct() throws IOException {
        Path csv = dir.resolve("odd.csv");
        Files.writeString(csv, "label,a/b,A:B,micro,\"x,y\"\n"
                + "a/b,0.7,0.1,0.1,0.1\nA:B,0.1,0.7,0.1,0.1\nmicro,0.2,0.1,0.6,0.1\n\"x,y\",0.1,0.2,0.3,0.4\n"
                + "a/b,0.4,0.3,0.2,0.1\n");
        Path out = dir.resolve("odd");
        CliRunner.Result r = CliRunner.run("curves", csv.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertEquals(List.of("curve,class,file",
                "roc,a/b,roc_a_b.csv", "pr,a/b,pr_a_b.csv",
                "roc,A:B,roc_A_B_2.csv", "pr,A:B,pr_A_B_2.csv",
                "roc,micro,roc_micro_2.csv", "pr,micro,pr_micro_2.csv",
                "roc,\"x,y\",roc_x_y.csv", "pr,\"x,y\",pr_x_y.csv",
                "roc_micro,,roc_micro.csv", "roc_macro,,roc_macro.csv"), index);
        for (String f : List.of("roc_a_b.csv", "roc_A_B_2.csv", "roc_micro_2.csv", "roc_x_y.csv", "roc_micro.csv")) {
            assertTrue(Files.readString(out.resolve(f)).startsWith("threshold,fpr,tpr\ninf,0.0,0.0\n"), f);
        }
    }

    @Test
    void demoEvaluatesTheMalwareFamilies() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner.Result r = CliRunner.run("demo", "--examples", Path.of("..", "examples").toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("25 malware families"), r.out());
        JsonNode j = MAPPER.readTree(Files.readString(out.resolve("malware25").resolve("metrics.json")));
        assertEquals("multiclass", j.get("task").asText());
        assertEquals(9339, j.get("n").asInt());
        assertEquals(25, j.get("classes").size());
        assertTrue(Files.readString(out.resolve("malware25").resolve("metrics.txt")).contains("macro avg"));
        assertEquals(25 * 2 + 2 + 1, Files.readAllLines(out.resolve("malware25").resolve("curves").resolve("index.csv"))
                .size());
        // the fraud report shows what the fraud team decides by: partial AUC to 1% FPR, bootstrap intervals, the band
        JsonNode fraud = MAPPER.readTree(Files.readString(out.resolve("fraud").resolve("report").resolve("metrics.json")));
        assertEquals(0.01, fraud.get("partial_roc_auc").get("max_fpr").asDouble(), fraud.toString());
        assertEquals("bootstrap", fraud.get("roc_auc_ci").get("method").asText());
        assertTrue(fraud.has("average_precision_ci"), fraud.toString());
        String page = Files.readString(out.resolve("fraud").resolve("report").resolve("report.html"));
        assertTrue(page.contains("id=\"partial-auc\""));
        assertTrue(page.contains("\"band\":{\"spec\":["), "ROC band embedded");
        assertEquals(fraud.get("partial_roc_auc").toString(), MAPPER.readTree(Files.readString(out.resolve("fraud")
                .resolve("metrics.json"))).get("partial_roc_auc").toString(), "evaluate's metrics.json too");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void unknownLabelRaggedRowAndBinaryOnlyOptions() throws IOException {
        Path unknown = dir.resolve("unknown.csv");
        Files.writeString(unknown, "label,a,b,c\na,0.5,0.3,0.2\nd,0.1,0.2,0.7\nb,0.2,0.7,0.1\n");
        CliRunner.Result r = CliRunner.run("evaluate", unknown.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("'d' (first on line 3)"), r.err());

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "label,a,b,c\na,0.5,0.3,0.2\nb,0.2,0.7\n");
        CliRunner.Result g = CliRunner.run("evaluate", ragged.toString());
        assertEquals(3, g.code());
        assertTrue(g.err().startsWith("discern: " + ragged + ":3"), g.err());

        Path csv = Fixtures.csv("multiclass_small_ties", dir);
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--threshold", "0.3").code());
        // --ci is supported for multi-class (IntervalsCommandTest), not (yet) for multi-label
        assertEquals(0, CliRunner.run("evaluate", csv.toString(), "--ci", "delong").code());
        CliRunner.Result ml = CliRunner.run("evaluate", Fixtures.csv("multilabel_small", dir).toString(), "--ci", "delong");
        assertEquals(2, ml.code(), ml.err());
        assertTrue(ml.err().contains("--ci applies to binary and multi-class predictions"), ml.err());
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--top-k", "0").code());
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--layout", "weird").code());
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--npz", "x.npz").code());
        assertEquals(2, CliRunner.run("evaluate", "--labels", "y.npy").code());
    }

    @Test
    void rowOfZerosGivesNullLogLossAndAWarning() throws IOException {
        Path csv = dir.resolve("zeros.csv");
        Files.writeString(csv, "label,a,b,c\na,0.8,0.1,0.1\nb,0.1,0.7,0.2\nc,0,0,0\nc,0.2,0.2,0.6\n");
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertTrue(j.get("log_loss").isNull());
        assertTrue(j.get("warnings").get(0).asText().startsWith("log loss not computed: line 4 sums to 0.0"),
                j.get("warnings").toString());
        assertEquals(1.0, j.get("per_class").get(0).get("roc_auc").asDouble());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Writes y.npy (int64 class indices, or an int8 indicator for multi-label), p.npy (float64
     * n x K, Fortran order when {@code fortran}) and w.npy when weighted, plus names.txt; returns
     * the matching options.
     */
    private List<String> writeNpyInput(JsonNode in, String namesKey, boolean fortran) throws IOException {
        JsonNode labels = in.get("labels");
        JsonNode scores = in.get("scores");
        int n = scores.size();
        int k = scores.get(0).size();
        Path y = dir.resolve("y.npy");
        if (labels.get(0).isArray()) {
            ByteBuffer b = ByteBuffer.allocate(n * k);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    b.put((byte) labels.get(i).get(j).asInt());
                }
            }
            writeNpy(y, "|i1", false, b.array(), n, k);
        } else {
            ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                b.putLong(labels.get(i).asLong());
            }
            writeNpy(y, "<i8", false, b.array(), n);
        }
        ByteBuffer s = ByteBuffer.allocate(n * k * 8).order(ByteOrder.LITTLE_ENDIAN);
        if (fortran) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < n; i++) {
                    s.putDouble(Fixtures.number(scores.get(i).get(j)));
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    s.putDouble(Fixtures.number(scores.get(i).get(j)));
                }
            }
        }
        Path p = dir.resolve("p.npy");
        writeNpy(p, "<f8", fortran, s.array(), n, k);
        Path names = dir.resolve("names.txt");
        Files.writeString(names, String.join("\n", Fixtures.strings(in.get(namesKey))) + "\n", StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--labels", y.toString(), "--scores", p.toString(),
                "--class-names", names.toString()));
        JsonNode weights = in.get("weights");
        Files.deleteIfExists(dir.resolve("w.npy"));
        if (weights != null && !weights.isNull()) {
            ByteBuffer w = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                w.putDouble(weights.get(i).asDouble());
            }
            Path wp = dir.resolve("w.npy");
            writeNpy(wp, "<f8", false, w.array(), n);
            args.addAll(List.of("--weights", wp.toString()));
        }
        return args;
    }

    /** A version 1.0 .npy file. */
    static void writeNpy(Path file, String descr, boolean fortran, byte[] data, int... shape) throws IOException {
        StringBuilder sh = new StringBuilder("(");
        for (int d : shape) {
            sh.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : sh.substring(0, sh.length() - 2) + ")";
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }", descr,
                fortran ? "True" : "False", shapeText);
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        bytes.write(header.length() & 0xFF);
        bytes.write(header.length() >> 8);
        bytes.write(header.getBytes(StandardCharsets.ISO_8859_1));
        bytes.write(data);
        try (OutputStream o = Files.newOutputStream(file)) {
            bytes.writeTo(o);
        }
    }

    /** The columns of a curve CSV with the given header, as numbers ("inf" allowed). */
    private static double[][] readCsv(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals(header, lines.get(0), file.toString());
        int cols = header.split(",").length;
        double[][] out = new double[cols][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int c = 0; c < cols; c++) {
                out[c][i - 1] = f[c].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[c]);
            }
        }
        return out;
    }
}

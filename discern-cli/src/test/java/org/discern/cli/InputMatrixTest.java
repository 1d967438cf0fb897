package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.io.Json;
import org.discern.metrics.Field;
import org.discern.metrics.Fixtures;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command over every input form: binary, multi-class and multi-label CSV, a NumPy
 * {@code .npy} pair and an {@code .npz} archive (the last two multi-class), all built here from
 * the golden fixtures, and a Parquet file with Spark ML vectors (discern-io's test input written by
 * DuckDB from the same fixture). Each cell either works or is refused with the exact exit code and a clear
 * message; the binary-by-nature commands work on every form with {@code --class NAME}.
 */
class InputMatrixTest {
    @TempDir
    static Path dir;

    enum Form { BINARY_CSV, MULTICLASS_CSV, MULTILABEL_CSV, NPY_PAIR, NPZ, PARQUET }

    /** discern-io's Parquet test inputs (see the READMEs there), from this module's directory. */
    static Path parquet(String name) {
        return Path.of("..", "discern-io", "src", "test", "resources", "parquet", name);
    }

    private static final Path VECTORS = parquet("multiclass_small_ties_sparse.zstd.parquet");

    private static Path binary;
    private static Path multiclass;
    private static Path multiclass2;
    private static Path multilabel;
    private static Path labelsNpy;
    private static Path scoresNpy;
    private static Path names;
    private static Path npz;
    private static Path npz2;

    @BeforeAll
    static void inputs() throws IOException {
        binary = Fixtures.csv("binary_breast_cancer", dir); // label,score,score_b
        multiclass = Fixtures.csv("multiclass_small_ties", dir); // label,ant,bee,cat,dog,eel
        multilabel = Fixtures.csv("multilabel_small", dir); // label_red.. score_alpha
        // a second model on the same rows: every score moved by a row-dependent amount
        List<String> lines = Files.readAllLines(multiclass);
        List<String> moved = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int c = 1; c < f.length; c++) {
                f[c] = Double.toString(Double.parseDouble(f[c]) + 0.03 * ((i * 7 + c) % 5));
            }
            moved.add(String.join(",", f));
        }
        multiclass2 = dir.resolve("multiclass_b.csv");
        Files.write(multiclass2, moved);

        JsonNode in = Fixtures.json("multiclass_small_ties").get("input");
        names = dir.resolve("names.txt");
        Files.writeString(names, String.join("\n", Fixtures.strings(in.get("classes"))) + "\n",
                StandardCharsets.UTF_8);
        labelsNpy = dir.resolve("y.npy");
        scoresNpy = dir.resolve("p.npy");
        writeArrays(in, labelsNpy, scoresNpy, 0);
        npz = zip(dir.resolve("mc.npz"), labelsNpy, scoresNpy);
        Path y2 = dir.resolve("y2.npy");
        Path p2 = dir.resolve("p2.npy");
        writeArrays(in, y2, p2, 0.03);
        npz2 = zip(dir.resolve("mc_b.npz"), y2, p2);
    }

    /** int64 class indices and float64 n x K scores (each moved by {@code shift * (i % 3)}). */
    private static void writeArrays(JsonNode in, Path y, Path p, double shift) throws IOException {
        int[] labels = Fixtures.ints(in.get("labels"));
        double[][] scores = Fixtures.matrix(in.get("scores"));
        int n = labels.length;
        int k = scores[0].length;
        ByteBuffer yb = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer pb = ByteBuffer.allocate(n * k * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            yb.putLong(labels[i]);
            for (int c = 0; c < k; c++) {
                pb.putDouble(scores[i][c] + shift * (i % 3));
            }
        }
        MulticlassCliTest.writeNpy(y, "<i8", false, yb.array(), n);
        MulticlassCliTest.writeNpy(p, "<f8", false, pb.array(), n, k);
    }

    private static Path zip(Path target, Path y, Path p) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.putNextEntry(new ZipEntry("y_true.npy"));
            Files.copy(y, zip);
            zip.putNextEntry(new ZipEntry("y_score.npy"));
            Files.copy(p, zip);
        }
        return target;
    }

    /** The input arguments of a form. */
    private static List<String> input(Form form) {
        switch (form) {
            case BINARY_CSV:
                return List.of(binary.toString());
            case MULTICLASS_CSV:
                return List.of(multiclass.toString());
            case MULTILABEL_CSV:
                return List.of(multilabel.toString());
            case NPY_PAIR:
                return List.of("--labels", labelsNpy.toString(), "--scores", scoresNpy.toString(), "--class-names",
                        names.toString());
            case PARQUET:
                return List.of(VECTORS.toString(), "--classes", "ant,bee,cat,dog,eel");
            default:
                return List.of(npz.toString(), "--class-names", names.toString());
        }
    }

    /** What compare needs besides the input: a second file, or a second score column. */
    private static List<String> compareWith(Form form) {
        switch (form) {
            case BINARY_CSV:
                return List.of("--score", "score", "--score", "score_b");
            case MULTICLASS_CSV:
                return List.of(multiclass2.toString());
            case MULTILABEL_CSV:
                return List.of(multilabel.toString());
            case NPY_PAIR:
                return List.of();
            case PARQUET:
                return List.of(multiclass2.toString());
            default:
                return List.of(npz2.toString());
        }
    }

    /** The source named in messages. */
    private static String source(Form form) {
        switch (form) {
            case MULTICLASS_CSV:
                return multiclass.toString();
            case MULTILABEL_CSV:
                return multilabel.toString();
            case NPY_PAIR:
                return scoresNpy.toString();
            case PARQUET:
                return VECTORS.toString();
            default:
                return npz.toString();
        }
    }

    private static String task(Form form) {
        return form == Form.BINARY_CSV ? "binary" : form == Form.MULTILABEL_CSV ? "multilabel" : "multiclass";
    }

    private static String chooseClass(String command, Form form) {
        return form == Form.MULTILABEL_CSV
                ? command + ": " + source(form) + " holds multilabel predictions (4 labels); choose one with --class"
                        + " NAME (e.g. --class red)"
                : command + ": " + source(form) + " holds multiclass predictions (5 classes); choose one with --class"
                        + " NAME (e.g. --class ant)";
    }

    private static Arguments cell(String command, Form form, List<String> more, int code, String fragment) {
        return Arguments.of(command, form, more, code, fragment);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Form form : Form.values()) {
            boolean multi = form != Form.BINARY_CSV;
            String some = form == Form.MULTILABEL_CSV ? "green" : "bee";
            cells.add(cell("evaluate", form, List.of("--format", "json"), 0, "\"task\" : \"" + task(form) + "\""));
            cells.add(cell("curves", form, List.of("--out", "OUT"), 0, "wrote "));
            // every layout is reported, multi-label with one curve per label
            cells.add(cell("report", form, List.of("--out", "OUT", "--no-images"), 0, "report.html"));
            switch (form) {
                case BINARY_CSV:
                    cells.add(cell("compare", form, List.of("--format", "json"), 0, "\"paired\" : true"));
                    break;
                case MULTILABEL_CSV:
                    cells.add(cell("compare", form, List.of(), 2, "compare takes binary or multi-class predictions; "
                            + multilabel + " holds multilabel predictions (4 labels): choose one label with --class NAME"));
                    break;
                case NPY_PAIR:
                    cells.add(cell("compare", form, List.of(), 2, "compare: " + scoresNpy + " holds multiclass"
                            + " predictions (5 classes), the scores of one model; give a second file to compare the"
                            + " two per class"));
                    break;
                default:
                    cells.add(cell("compare", form, List.of("--format", "json", "--replicates", "50"), 0,
                            "\"class\" : \"macro\""));
            }
            for (String command : List.of("threshold", "sweep", "calibrate", "decision")) {
                List<String> more = command.equals("sweep") ? List.of("--out", "OUT") : List.of("--format", "json");
                String ok = command.equals("sweep") ? "wrote " : command.equals("threshold") ? "\"criteria\""
                        : command.equals("decision") ? "\"net_benefit_all\"" : "\"ece\"";
                if (command.equals("calibrate") && multi && form != Form.MULTILABEL_CSV) {
                    // issue 16: multi-class probabilities without --class: top-label and class-wise ECE
                    cells.add(cell(command, form, more, 0, "\"ece_classwise\""));
                } else {
                    cells.add(multi ? cell(command, form, more, 2, chooseClass(command, form))
                            : cell(command, form, more, 0, ok));
                }
                if (multi) {
                    List<String> withClass = new ArrayList<>(more);
                    withClass.addAll(List.of("--class", some));
                    cells.add(cell(command, form, withClass, 0, ok));
                }
            }
            if (multi) {
                cells.add(cell("evaluate", form, List.of("--format", "json", "--class", some), 0,
                        "\"positive_label\" : \"" + some + "\""));
                cells.add(cell("curves", form, List.of("--out", "OUT", "--class", some), 0, "roc.csv"));
                cells.add(cell("report", form, List.of("--out", "OUT", "--no-images", "--class", some), 0, "report.html"));
                cells.add(cell("threshold", form, List.of("--class", some.substring(0, 2) + "x"), 2, "did you mean '"
                        + some + "'?"));
            } else {
                cells.add(cell("threshold", form, List.of("--class", "x"), 2, "--class chooses one class of multi-class"
                        + " or multi-label predictions; " + binary + " holds binary predictions"));
            }
        }
        // report takes evaluate's options: --classes and --top-k
        cells.add(cell("report", Form.MULTICLASS_CSV, List.of("--out", "OUT", "--no-images", "--classes",
                "eel,dog,cat,bee,ant", "--top-k", "1,4"), 0, "report.html"));
        // naming classes makes a table multi-class: here they are not its columns
        cells.add(cell("report", Form.BINARY_CSV, List.of("--out", "OUT", "--classes", "a,b"), 3,
                binary + ":1: expected a score column for every class; no column for a, b (found: label, score,"
                        + " score_b)"));
        cells.add(cell("compare", Form.MULTICLASS_CSV, List.of("--class", "bee"), 2,
                "comparing two files needs --id COL to match their rows"));
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cells")
    void everyCommandOverEveryInputForm(String command, Form form, List<String> more, int code, String fragment)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(input(form));
        if (command.equals("compare")) {
            args.addAll(compareWith(form));
        }
        Path out = Files.createTempDirectory(dir, command).resolve("out" + (command.equals("sweep") ? ".csv" : ""));
        for (String m : more) {
            args.add(m.equals("OUT") ? out.toString() : m);
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        String where = String.join(" ", args) + "\nstdout: " + r.out() + "\nstderr: " + r.err();
        assertEquals(code, r.code(), where);
        assertTrue((code == 0 ? r.out() : r.err()).contains(fragment), where);
        if (code != 0) {
            // after the progress lines a slow read prints (a loaded machine: "read FILE: N rows in 1.1 s")
            assertTrue(r.err().startsWith("discern: ") || r.err().contains("\ndiscern: "), where);
            if (code == 2) {
                assertTrue(r.err().contains("Try 'discern " + command + " --help'"), where);
            }
            assertEquals("", r.out(), where);
            assertTrue(!Files.exists(out), where);
        }
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + where);
        if (code == 0) {
            // issue 12: every key of every JSON output is a registry key (metric or field)
            if (r.out().startsWith("{")) {
                assertEquals(List.of(), GoldenOutputTest.unknownKeys(Json.parse(r.out()), "$"), where);
            }
            if (command.equals("calibrate") && r.out().contains("\"ece_classwise\"")) {
                // the class-wise ECE is the mean of the 5 classes' one-vs-rest ECEs
                JsonNode j = Json.parse(r.out());
                JsonNode per = j.get(Field.PER_CLASS.key());
                assertEquals(5, per.size(), where);
                double sum = 0;
                for (JsonNode c : per) {
                    sum += c.get(MetricKey.of(Metric.ECE).key()).asDouble();
                }
                assertEquals(sum / 5, j.get(MetricKey.of(Metric.ECE_CLASSWISE).key()).asDouble(), 1e-12, where);
            }
            if (command.equals("report")) {
                assertEquals(List.of(), GoldenOutputTest.unknownKeys(
                        Json.parse(Files.readString(out.resolve("metrics.json"))), "$"), where);
            }
        }
    }
}

package org.discern.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.discern.cli.CliRunner;
import org.discern.cli.ExitCodes;
import org.discern.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class TrainCommandTest {

    @Test
    void synthFraudTrainAndPredict(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("fraud.csv");
        CliRunner.Result s = CliRunner.run("train", "synth-fraud", "--rows", "6000", "--positives", "60",
                "--seed", "3", "--out", csv.toString());
        assertEquals(0, s.code(), s.err());
        assertEquals("Wrote " + csv + ": 6000 rows, 60 positive (seed 3).\n", s.out());
        assertEquals(6001, Files.readAllLines(csv).size());

        Path out = dir.resolve("run");
        CliRunner.Result t = CliRunner.run("train", csv.toString(), "--drop", "Time", "--log", "Amount",
                "--strategies", "baseline,weighted", "--epochs", "2", "--batch-size", "512", "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().startsWith("strategy      epoch  roc_auc avg_prec"), t.out());
        assertTrue(t.out().contains("\nbaseline "), t.out());
        assertTrue(t.out().contains("\nweighted "), t.out());
        // progress: plain lines per epoch on stderr (no console in tests)
        assertTrue(t.err().contains("baseline epoch 1/2: loss "), t.err());
        assertTrue(t.err().contains("weighted epoch 2/2: loss "), t.err());
        assertTrue(t.err().contains("baseline: initial loss "), t.err());
        assertTrue(!t.err().contains("\r"), "no carriage returns without a console");
        assertTrue(Files.isRegularFile(out.resolve("report").resolve("report.html")));
        JsonNode c = Json.parse(Files.readString(out.resolve("comparison.json")));
        assertEquals(2, c.get("strategies").size());
        assertEquals("weighted", c.get("strategies").get(1).get("name").asText());
        assertEquals(1200, c.get("strategies").get(1).get("test").get("n").asInt());

        Path scored = dir.resolve("scored.csv");
        CliRunner.Result p = CliRunner.run("predict", "--model", out.resolve("weighted").toString(), "--data",
                csv.toString(), "--out", scored.toString());
        assertEquals(0, p.code(), p.err());
        List<String> lines = Files.readAllLines(scored);
        assertEquals("label,score", lines.get(0));
        assertEquals(6001, lines.size());
        // labels are the file's own text (quotes removed)
        assertTrue(lines.get(1).startsWith("0,") || lines.get(1).startsWith("1,"), lines.get(1));
        // the scored file is a binary predictions file discern evaluate reads
        CliRunner.Result e = CliRunner.run("evaluate", scored.toString(), "--format", "json");
        assertEquals(0, e.code(), e.err());
        assertEquals(6000, Json.parse(e.out()).get("n").asInt());
    }

    @Test
    void medianImputationFillsMissingCellsInTrainingAndScoring(@TempDir Path dir) throws Exception {
        // 400 rows, 40 positives; feature b missing on every tenth row
        StringBuilder sb = new StringBuilder("a,b,Class\n");
        for (int i = 0; i < 400; i++) {
            boolean pos = i % 10 == 3;
            sb.append(pos ? 2 + i % 7 * 0.1 : i % 13 * 0.1).append(',')
                    .append(i % 10 == 5 ? "" : Double.toString(i % 5 * 0.5)).append(',').append(pos ? 1 : 0)
                    .append('\n');
        }
        Path csv = dir.resolve("gaps.csv");
        Files.writeString(csv, sb.toString());
        Path out = dir.resolve("run");
        CliRunner.Result t = CliRunner.run("train", csv.toString(), "--impute", "median", "--strategies", "weighted",
                "--epochs", "2", "--batch-size", "64", "--quiet", "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        assertEquals("", t.err());
        JsonNode prep = Json.parse(Files.readString(out.resolve("weighted").resolve("preprocessing.json")));
        // present cells of b: 0 on 1/9 of them, 0.5, 1, 1.5, 2 on 2/9 each: the training median is 1
        assertEquals(1.0, prep.get("medians").get(1).asDouble(), 0);
        Path scored = dir.resolve("scored.csv");
        CliRunner.Result refused = CliRunner.run("predict", "--model", out.resolve("weighted").toString(), "--data",
                csv.toString(), "--out", scored.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains(":7: column 'b': missing value"), refused.err());
        CliRunner.Result p = CliRunner.run("predict", "--model", out.resolve("weighted").toString(), "--data",
                csv.toString(), "--out", scored.toString(), "--impute", "median");
        assertEquals(0, p.code(), p.err());
        assertEquals(401, Files.readAllLines(scored).size());
    }

    @Test
    void multiclassTable(@TempDir Path dir) throws Exception {
        // three classes, feature c shifted for class c
        StringBuilder sb = new StringBuilder("f0,f1,f2,kind\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        String[] kinds = {"ant", "bee", "cow"};
        for (int i = 0; i < 900; i++) {
            int c = i % 3;
            for (int j = 0; j < 3; j++) {
                sb.append(r.nextGaussian() + (j == c ? 3 : 0)).append(',');
            }
            sb.append(kinds[c]).append('\n');
        }
        Path csv = dir.resolve("kinds.csv");
        Files.writeString(csv, sb.toString());
        Path out = dir.resolve("run");
        CliRunner.Result t = CliRunner.run("train", csv.toString(), "--label", "kind", "--multiclass", "--epochs", "3",
                "--batch-size", "64", "--learning-rate", "0.01", "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().startsWith("strategy      epoch roc_auc_ovr_macro average_precision_macro  accuracy\nbaseline "), t.out());
        assertTrue(t.out().contains("\nweighted "), t.out());
        assertTrue(t.err().contains("weighted epoch 3/3: loss "), t.err());
        JsonNode c = Json.parse(Files.readString(out.resolve("comparison.json")));
        assertEquals(List.of("ant", "bee", "cow"), List.of(c.get("classes").get(0).asText(),
                c.get("classes").get(1).asText(), c.get("classes").get(2).asText()));
        assertTrue(c.get("strategies").get(0).get("test").get("roc_auc_ovr_macro").asDouble() > 0.9);

        Path scored = dir.resolve("scored.csv");
        CliRunner.Result p = CliRunner.run("predict", "--model", out.resolve("weighted").toString(), "--data",
                csv.toString(), "--out", scored.toString());
        assertEquals(0, p.code(), p.err());
        List<String> lines = Files.readAllLines(scored);
        assertEquals("label,score_ant,score_bee,score_cow", lines.get(0));
        assertEquals(901, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("ant", first[0]);
        assertEquals(1.0, Double.parseDouble(first[1]) + Double.parseDouble(first[2]) + Double.parseDouble(first[3]),
                1e-12);
        CliRunner.Result corrected = CliRunner.run("predict", "--model", out.resolve("weighted").toString(), "--data",
                csv.toString(), "--out", scored.toString(), "--prior-corrected");
        assertEquals(ExitCodes.USAGE, corrected.code());
        CliRunner.Result images = CliRunner.run("predict", "--model", out.resolve("weighted").toString(), "--images",
                dir.toString(), "--out", scored.toString());
        assertEquals(ExitCodes.USAGE, images.code());
        assertTrue(images.err().startsWith("discern: --images needs a model trained on images; "
                + out.resolve("weighted") + " was trained on a table (give --data FILE)\n"), images.err());

        CliRunner.Result bad = CliRunner.run("train", csv.toString(), "--label", "kind", "--multiclass",
                "--strategies", "smote", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("supports the strategies baseline and weighted"), bad.err());
        CliRunner.Result binary = CliRunner.run("train", csv.toString(), "--label", "kind", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, binary.code());
        assertTrue(binary.err().contains("found a third: 'cow'"), binary.err());
    }

    /** Classes k0, k1, k2 of 20 6x6 grayscale images each: class c lights column 2c, row i % 6. */
    private static void writeImages(Path img) throws Exception {
        for (int c = 0; c < 3; c++) {
            Files.createDirectories(img.resolve("k" + c));
            for (int i = 0; i < 20; i++) {
                java.awt.image.BufferedImage im = new java.awt.image.BufferedImage(6, 6,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                im.getRaster().setSample(c * 2, i % 6, 0, 255);
                javax.imageio.ImageIO.write(im, "png", img.resolve("k" + c).resolve(i + ".png").toFile());
            }
        }
    }

    @Test
    void imageFolderWithAnUndecodableFile(@TempDir Path dir) throws Exception {
        writeImages(dir.resolve("img"));
        Path broken = dir.resolve("img").resolve("k0").resolve("zz.jpg");
        Files.writeString(broken, "garbage");
        Path out = dir.resolve("run");
        CliRunner.Result t = CliRunner.run("train", "--images", dir.resolve("img").toString(), "--size", "6x6",
                "--epochs", "2", "--batch-size", "16", "--strategies", "baseline", "--out", out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("warning: skipped " + broken + ": cannot be decoded as an image\n"), t.err());
        assertTrue(t.err().contains("warning: skipped 1 of 61 images that could not be decoded\n"), t.err());
        JsonNode c = Json.parse(Files.readString(out.resolve("comparison.json")));
        assertEquals(12, c.get("strategies").get(0).get("test").get("n").asInt());

        CliRunner.Result both = CliRunner.run("train", "x.csv", "--images", "img", "--out", "o");
        assertEquals(ExitCodes.USAGE, both.code());
        CliRunner.Result size = CliRunner.run("train", "--images", dir.resolve("img").toString(), "--size", "big",
                "--out", "o");
        assertEquals(ExitCodes.USAGE, size.code());
        assertTrue(size.err().contains("size must be WIDTHxHEIGHT"), size.err());
    }

    @Test
    void predictScoresImageFoldersAndPixelRowsWithAnImageModel(@TempDir Path dir) throws Exception {
        Path img = dir.resolve("img");
        writeImages(img);
        Path out = dir.resolve("run");
        CliRunner.Result t = CliRunner.run("train", "--images", img.toString(), "--size", "6x6", "--epochs", "3",
                "--batch-size", "16", "--learning-rate", "0.01", "--strategies", "baseline", "--quiet", "--out",
                out.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Score new data: discern predict --model " + out.resolve("baseline")
                + " --images NEW_IMAGES/ --out scored.csv"), t.out());
        Path model = out.resolve("baseline");
        JsonNode m = Json.parse(Files.readString(model.resolve("model.json")));
        assertEquals("multiclass", m.get("task").asText());
        assertEquals(6, m.get("image").get("width").asInt());
        assertEquals(6, m.get("image").get("height").asInt());
        assertEquals(1, m.get("image").get("channels").asInt());

        // class sub-folders: labelled rows, class by class, files in name order
        Path scored = dir.resolve("scored.csv");
        CliRunner.Result p = CliRunner.run("predict", "--model", model.toString(), "--images", img.toString(), "--out",
                scored.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals("Scored 60 images of " + img + " into " + scored + ".\n", p.out());
        List<String> lines = Files.readAllLines(scored);
        assertEquals("file,label,score_k0,score_k1,score_k2", lines.get(0));
        assertEquals(61, lines.size());
        assertTrue(lines.get(1).startsWith("k0/0.png,k0,"), lines.get(1));
        assertTrue(lines.get(60).startsWith("k2/9.png,k2,"), lines.get(60));
        java.util.Map<String, String> scoresOfFile = new java.util.HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 3);
            scoresOfFile.put(f[0], f[2]);
            String[] q = f[2].split(",");
            assertEquals(1.0, Double.parseDouble(q[0]) + Double.parseDouble(q[1]) + Double.parseDouble(q[2]), 1e-12);
        }
        // the saved and reloaded CNN gives exactly the probabilities the trained one gave on the test split
        List<String> testScores = Files.readAllLines(model.resolve("test-scores.csv"));
        assertEquals("label,score_k0,score_k1,score_k2", testScores.get(0));
        assertEquals(12, testScores.size() - 1);
        java.util.Set<String> predicted = new java.util.HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            predicted.add(line.substring(line.indexOf(',') + 1));
        }
        for (String line : testScores.subList(1, testScores.size())) {
            assertTrue(predicted.contains(line), line + " not among\n" + predicted);
        }

        // a folder of unlabelled images: file and scores only, the same scores for the same images
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        Files.copy(img.resolve("k1").resolve("3.png"), fresh.resolve("a.png"));
        Files.copy(img.resolve("k2").resolve("5.png"), fresh.resolve("b.png"));
        Files.writeString(fresh.resolve("c.png"), "not an image");
        Path scoredFresh = dir.resolve("fresh.csv");
        CliRunner.Result u = CliRunner.run("predict", "--model", model.toString(), "--images", fresh.toString(),
                "--out", scoredFresh.toString());
        assertEquals(0, u.code(), u.err());
        assertEquals("warning: skipped " + fresh.resolve("c.png") + ": cannot be decoded as an image\n", u.err());
        assertEquals(List.of("file,score_k0,score_k1,score_k2", "a.png," + scoresOfFile.get("k1/3.png"),
                "b.png," + scoresOfFile.get("k2/5.png")), Files.readAllLines(scoredFresh));

        // a CSV of pixel rows (columns named as training named them, any order, label optional)
        org.discern.train.ImageFolderReader.Images read = org.discern.train.ImageFolderReader.read(img,
                org.discern.train.ImageShape.parse("6x6", 1));
        List<String> columns = read.table().columns();
        StringBuilder csv = new StringBuilder("class");
        for (int j = columns.size() - 1; j >= 0; j--) {
            csv.append(',').append(columns.get(j));
        }
        csv.append('\n');
        for (int row : new int[] {0, 27, 59}) {
            csv.append("k").append(read.table().classIndex(row));
            for (int j = columns.size() - 1; j >= 0; j--) {
                csv.append(',').append(read.table().value(row, j));
            }
            csv.append('\n');
        }
        Path pixels = dir.resolve("pixels.csv");
        Files.writeString(pixels, csv.toString());
        Path scoredPixels = dir.resolve("pixels-scored.csv");
        CliRunner.Result c = CliRunner.run("predict", "--model", model.toString(), "--data", pixels.toString(),
                "--out", scoredPixels.toString());
        assertEquals(0, c.code(), c.err());
        // rows 0, 27, 59 of the folder: k0/0.png, k1/15.png (k1 files in name order: 0 1 10..19 2 ...), k2/9.png
        assertEquals(List.of("label,score_k0,score_k1,score_k2", "k0," + scoresOfFile.get("k0/0.png"),
                "k1," + scoresOfFile.get("k1/15.png"), "k2," + scoresOfFile.get("k2/9.png")),
                Files.readAllLines(scoredPixels));

        // refusals
        Files.createDirectories(img.resolve("k9"));
        Files.copy(img.resolve("k0").resolve("0.png"), img.resolve("k9").resolve("0.png"));
        CliRunner.Result unknown = CliRunner.run("predict", "--model", model.toString(), "--images", img.toString(),
                "--out", scored.toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertEquals("discern: " + img.resolve("k9") + ": sub-folder 'k9' is not a class of the model; its classes "
                + "are [k0, k1, k2]\n", unknown.err());
        CliRunner.Result both = CliRunner.run("predict", "--model", model.toString(), "--images", fresh.toString(),
                "--data", pixels.toString(), "--out", scored.toString());
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRunner.Result neither = CliRunner.run("predict", "--model", model.toString(), "--out", scored.toString());
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("--data=FILE | --images=DIR"), neither.err());
        CliRunner.Result corrected = CliRunner.run("predict", "--model", model.toString(), "--images",
                fresh.toString(), "--out", scored.toString(), "--prior-corrected");
        assertEquals(ExitCodes.USAGE, corrected.code());
        // the output never goes into the image folder or the model directory
        for (Path inside : List.of(fresh.resolve("scored.csv"), model.resolve("scored.csv"))) {
            CliRunner.Result refused = CliRunner.run("predict", "--model", model.toString(), "--images",
                    fresh.toString(), "--out", inside.toString());
            assertEquals(ExitCodes.USAGE, refused.code(), refused.err());
            assertTrue(refused.err().contains(inside + ": refusing to write into the input folder "), refused.err());
            assertFalse(Files.exists(inside));
        }
    }

    @Test
    void helpListsTheOptionsAndTheSubcommand() {
        CliRunner.Result h = CliRunner.run("train", "--help");
        assertEquals(0, h.code());
        assertEquals("", h.err());
        for (String s : List.of("--strategies", "--hidden", "--learning-rate", "--patience", "--cost-fn", "--drop",
                "--log", "--impute", "synth-fraud", "20% test")) {
            assertTrue(h.out().contains(s), s + " in\n" + h.out());
        }
        CliRunner.Result p = CliRunner.run("predict", "--help");
        assertEquals(0, p.code());
        for (String s : List.of("--prior-corrected", "--images=DIR", "c<channel>_y<row>_x<column>",
                "discern predict --model runs/digits/baseline --images new/ --out scored.csv")) {
            assertTrue(p.out().contains(s), s + " in\n" + p.out());
        }
    }

    @Test
    void badInputAndUsageErrors(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,Class\n1,2,0\n3,x,1\n");
        CliRunner.Result r = CliRunner.run("train", csv.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("discern: " + csv + ":3: column 'b': 'x' is not a number\n", r.err());

        Files.writeString(csv, "a,Class\n1,0\n2,1\n3,2\n");
        r = CliRunner.run("train", csv.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(":4: column 'Class': binary classification needs exactly 2 label values"),
                r.err());

        Files.writeString(csv, "a,b,Class\n1,,0\n3,4,1\n");
        r = CliRunner.run("train", csv.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("discern: " + csv + ":2: column 'b': missing value (use --impute median to fill missing "
                + "values)\n", r.err());

        r = CliRunner.run("train", csv.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().startsWith("discern: missing --out DIR"), r.err());

        r = CliRunner.run("train", csv.toString(), "--out", "o", "--strategies", "baseline,magic");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("unknown strategy 'magic'"), r.err());

        r = CliRunner.run("predict", "--model", dir.toString(), "--data", csv.toString(), "--out", "x.csv");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("model.json: missing"), r.err());

        r = CliRunner.run("train", "synth-fraud", "--rows", "10", "--positives", "10", "--out", "f.csv");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("positives must be in [1, rows - 1]"), r.err());
    }
}

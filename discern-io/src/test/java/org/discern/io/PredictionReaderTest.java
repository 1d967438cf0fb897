package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point: formats told apart by content, layouts, settings, ids and one-vs-rest views. */
class PredictionReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static InputSpec.Builder file(Path p) {
        return InputSpec.builder().file(p);
    }

    private static Predictions read(InputSpec.Builder b) throws IOException {
        return PredictionReader.read(b.build());
    }

    @Test
    void formatIsToldByContentNotByName() throws IOException {
        String csv = "label,score\n1,0.9\n0,0.2\n1,0.4\n";
        Path txt = write("preds.txt", csv);
        Path tsv = write("preds.csv", csv.replace(',', '\t'));
        Path gz = dir.resolve("preds.dat");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        for (Path p : List.of(txt, tsv, gz)) {
            BinaryPredictions b = assertInstanceOf(BinaryPredictions.class, read(file(p)));
            assertArrayEquals(new double[] {0.9, 0.2, 0.4}, b.scores(), 0.0, p.toString());
            assertArrayEquals(new boolean[] {true, false, true}, b.labels(), p.toString());
            assertEquals(p.toString(), b.source());
        }
        // an .npz archive under any name: the default keys y_true and y_score, or the given ones
        Path npz = dir.resolve("archive.bin");
        Files.copy(NpyReferenceTest.dir().resolve("stored.npz"), npz);
        Predictions m = read(file(npz).npzKeys("y", "scores", null));
        assertEquals(Layout.MULTICLASS, m.layout());
        assertEquals(npz.toString(), m.source());
        assertEquals(4, m.size());
        InputException keys = assertThrows(InputException.class, () -> read(file(npz)));
        assertEquals("no array 'y_true' in the archive; it holds y, scores", keys.problem());
    }

    @Test
    void unreadableInputsAreInputErrors() throws IOException {
        InputException missing = assertThrows(InputException.class, () -> read(file(dir.resolve("nope.csv"))));
        assertEquals(dir.resolve("nope.csv") + ": no such file", missing.getMessage());
        InputException directory = assertThrows(InputException.class, () -> read(file(dir)));
        assertTrue(directory.getMessage().startsWith(dir + ": cannot read: "), directory.getMessage());
        InputException empty = assertThrows(InputException.class, () -> read(file(write("e.csv", ""))));
        assertEquals("expected a header row, found an empty file", empty.problem());
        Path npy = dir.resolve("one.npy");
        Files.copy(NpyReferenceTest.dir().resolve("float32_le_c.npy"), npy);
        InputException single = assertThrows(InputException.class, () -> read(file(npy)));
        assertEquals(npy + ": an .npy file holds one array, not labels and scores; give both as a pair"
                + " (--labels Y.npy --scores P.npy) or one .npz archive", single.getMessage());
    }

    @Test
    void aMistypedScoreColumnIsMissingNotAnotherLayout() throws IOException {
        Path p = write("tx.csv", "label,score,transaction_id\n1,0.9,t1\n0,0.1,t2\n");
        InputException e = assertThrows(InputException.class, () -> read(file(p).scoreColumn("prob")));
        assertEquals(p + ":1: no column 'prob' for the scores; columns: label, score, transaction_id; did you mean"
                + " 'score'?", e.getMessage());
        // the default score column is found, the text column left alone
        assertEquals(Layout.BINARY, read(file(p)).layout());
        // a missing label column is named too, with the closest match
        Path y = write("y.csv", "lable,score\n1,0.9\n");
        InputException label = assertThrows(InputException.class, () -> read(file(y)));
        assertEquals(y + ":1: no column 'label' for the labels; columns: lable, score; did you mean 'lable'?",
                label.getMessage());
    }

    @Test
    void layoutsFromTheHeaderOrTheSpec() throws IOException {
        Path mc = write("mc.csv", "id,label,a,b,weight\nr1,a,0.8,0.2,2\nr2,b,0.3,0.7,1\nr3,b,0.5,0.5,0.5\n");
        MultiClassPredictions m = assertInstanceOf(MultiClassPredictions.class, read(file(mc).idColumn("id")));
        assertEquals(List.of("a", "b"), m.classNames()); // neither the id nor the weight column is a class
        assertArrayEquals(new String[] {"r1", "r2", "r3"}, m.ids());
        assertArrayEquals(new double[] {2, 1, 0.5}, m.weights(), 0.0);
        assertEquals("multiclass predictions (2 classes)", m.describe());
        // without --id the id column is a class, and 'r1' is not a number
        InputException id = assertThrows(InputException.class, () -> read(file(mc)));
        assertEquals(mc + ":2: column 'id': expected a number, found 'r1'", id.getMessage());
        // a named layout wins over the header
        InputException forced = assertThrows(InputException.class,
                () -> read(file(mc).idColumn("id").layout(Layout.BINARY)));
        assertTrue(forced.problem().startsWith("no column 'score' for the scores;"), forced.problem());
        // the binary default is unweighted even with a 'weight' column; multi-class takes it
        Path bin = write("b.csv", "label,score,weight\n1,0.9,3\n0,0.1,1\n");
        assertFalse(read(file(bin)).hasWeights());
        assertTrue(read(file(bin).weightColumn("weight")).hasWeights());
        Path ml = write("ml.csv", "label_x,label_y,score_x,score_y\n1,0,0.9,0.2\n1,1,0.6,0.7\n");
        MultiLabelPredictions l = assertInstanceOf(MultiLabelPredictions.class, read(file(ml)));
        assertEquals(List.of("x", "y"), l.labelNames());
        assertEquals("multilabel predictions (2 labels)", l.describe());
    }

    @Test
    void settingsTheInputCannotUseAreRefused() throws IOException {
        Path npz = dir.resolve("a.npz");
        Files.copy(NpyReferenceTest.dir().resolve("stored.npz"), npz);
        InputOptionException columns = assertThrows(InputOptionException.class,
                () -> read(file(npz).labelColumn("y").weightColumn("w")));
        assertEquals("--label, --weight applies to CSV/TSV input; " + npz + " is a NumPy .npz archive (choose its"
                + " arrays with --labels-key, --scores-key, --weights-key)", columns.getMessage());
        Path csv = write("p.csv", "label,score\n1,0.5\n");
        InputOptionException names = assertThrows(InputOptionException.class,
                () -> read(file(csv).classNames(List.of("a", "b"))));
        assertTrue(names.getMessage().startsWith("--class-names applies to NumPy input"), names.getMessage());
        assertThrows(InputOptionException.class, () -> read(file(csv).npzKeys("y", null, null)));
        Path mc = write("mc.csv", "label,a,b\na,0.5,0.5\n");
        InputOptionException score = assertThrows(InputOptionException.class,
                () -> read(file(mc).layout(Layout.MULTICLASS).scoreColumn("a")));
        assertEquals("--score applies to binary predictions; " + mc + " is read as multiclass", score.getMessage());
        assertThrows(InputOptionException.class, () -> read(file(csv).classes(List.of("a", "b")).layout(Layout.BINARY)));
    }

    @Test
    void numpyPairIsNamedAfterItsScores() throws IOException {
        Path d = FixtureNpyTest.dir();
        Path scores = d.resolve("multiclass_digits_scores.npy");
        Predictions p = PredictionReader.read(InputSpec.builder()
                .numpy(d.resolve("multiclass_digits_y.npy"), scores, null)
                .classNamesFile(d.resolve("multiclass_digits_names.txt")).build());
        assertEquals(scores.toString(), p.source());
        MultiClassPredictions m = assertInstanceOf(MultiClassPredictions.class, p);
        assertEquals(ClassNames.read(d.resolve("multiclass_digits_names.txt")), m.classNames());
        assertNull(m.ids());
        // the same predictions as the fixture's CSV (equality ignores the source)
        assertEquals(read(file(Fixtures.csv("multiclass_digits", dir))), m);
    }

    @Test
    void oneVsRestEqualsTheBinaryFileBuiltByHand() throws IOException {
        Path mc = write("mc.csv", "label,cat,dog,eel,weight\ncat,0.7,0.2,0.1,1\ndog,0.2,0.5,0.3,2\n"
                + "eel,0.1,0.1,0.8,0.5\ndog,0.4,0.35,0.25,1\n");
        BinaryPredictions view = read(file(mc)).oneVsRest("dog");
        Path byHand = write("dog.csv", "label,score,weight\n0,0.2,1\n1,0.5,2\n0,0.1,0.5\n1,0.35,1\n");
        BinaryPredictions b = (BinaryPredictions) read(file(byHand).weightColumn("weight"));
        assertArrayEquals(b.scores(), view.scores(), 0.0);
        assertArrayEquals(b.labels(), view.labels());
        assertArrayEquals(b.weights(), view.weights(), 0.0);
        assertEquals("dog", view.positiveLabel());
        assertEquals(mc.toString(), view.source());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> read(file(mc)).oneVsRest("dgo"));
        assertEquals("no class 'dgo' in " + mc + "; classes: cat, dog, eel; did you mean 'dog'?",
                unknown.getMessage());

        Path ml = write("ml.csv", "label_x,label_y,score_x,score_y\n1,0,0.9,0.2\n1,1,0.6,0.7\n0,1,0.1,0.3\n");
        BinaryPredictions y = read(file(ml)).oneVsRest("y");
        assertArrayEquals(new double[] {0.2, 0.7, 0.3}, y.scores(), 0.0);
        assertArrayEquals(new boolean[] {false, true, true}, y.labels());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> read(file(ml)).oneVsRest("z"));
        assertEquals("no label 'z' in " + ml + "; labels: x, y", label.getMessage());
        Path bin = write("b.csv", "label,score\n1,0.9\n0,0.1\n");
        assertThrows(IllegalArgumentException.class, () -> read(file(bin)).oneVsRest("1"));
    }

    @Test
    @Timeout(30)
    void aPipeIsOpenedOnce() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() != 0) {
            System.err.println("PredictionReaderTest.aPipeIsOpenedOnce: no mkfifo, skipped");
            return;
        }
        // the writer opens the pipe once; a second open by the reader would wait for ever
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write("label,a,b\na,0.9,0.1\nb,0.3,0.7\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Predictions p = read(file(fifo));
        writer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Layout.MULTICLASS, p.layout());
        assertEquals(2, p.size());
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group and fold columns ({@code --group}, {@code --fold}) read beside the predictions, every layout. */
class TextColumnsReadTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static Predictions read(Path p, List<String> groups, String fold) throws IOException {
        return PredictionReader.read(InputSpec.builder().file(p).groupColumns(groups).foldColumn(fold).build());
    }

    @Test
    void binaryCarriesGroupAndFoldColumnsInRowOrder() throws IOException {
        Path p = write("b.csv", "label,score,sex,fold\n1,0.9,F,1\n0,0.2, M ,2\n1,0.4,F,2\n0,0.3,,1\n");
        BinaryPredictions b = assertInstanceOf(BinaryPredictions.class, read(p, List.of("sex"), "fold"));
        assertArrayEquals(new double[] {0.9, 0.2, 0.4, 0.3}, b.scores(), 0.0);
        assertEquals(List.of("sex", "fold"), b.textColumns().names());
        // stripped; an empty field is the value ""
        assertArrayEquals(new String[] {"F", "M", "F", ""}, b.textColumns().column("sex"));
        assertArrayEquals(new String[] {"1", "2", "2", "1"}, b.textColumns().column("fold"));
        // a repeated value is one string
        String[] sex = b.textColumns().column("sex");
        assertSame(sex[0], sex[2]);
        // none asked: none read
        assertTrue(read(p, null, null).textColumns().isEmpty());
    }

    @Test
    void aColumnThatIsBothGroupAndFoldIsReadOnce() throws IOException {
        Path p = write("b.csv", "label,score,g\n1,0.9,a\n0,0.2,b\n");
        Predictions in = read(p, List.of("g", "g"), "g");
        assertEquals(List.of("g"), in.textColumns().names());
    }

    @Test
    void multiClassGroupColumnIsNotAClass() throws IOException {
        Path p = write("mc.csv", "label,cat,dog,fish,site\ncat,0.7,0.2,0.1,north\ndog,0.2,0.5,0.3,south\n"
                + "fish,0.1,0.1,0.8,north\n");
        MultiClassPredictions m = assertInstanceOf(MultiClassPredictions.class, read(p, List.of("site"), null));
        assertEquals(List.of("cat", "dog", "fish"), m.classNames());
        assertArrayEquals(new String[] {"north", "south", "north"}, m.textColumns().column("site"));
        // the one-vs-rest view keeps them
        assertArrayEquals(new String[] {"north", "south", "north"}, m.oneVsRest("dog").textColumns().column("site"));
        // two score columns and a group: still multi-class, not an unknown layout
        Path two = write("two.csv", "label,a,b,g\na,0.6,0.4,x\nb,0.3,0.7,y\n");
        assertEquals(List.of("a", "b"), assertInstanceOf(MultiClassPredictions.class,
                read(two, List.of("g"), null)).classNames());
    }

    @Test
    void multiLabelCarriesThem() throws IOException {
        Path p = write("ml.csv", "label_x,label_y,score_x,score_y,fold\n1,0,0.9,0.2,a\n0,1,0.1,0.8,b\n");
        MultiLabelPredictions m = assertInstanceOf(MultiLabelPredictions.class, read(p, null, "fold"));
        assertArrayEquals(new String[] {"a", "b"}, m.textColumns().column("fold"));
        assertArrayEquals(new String[] {"a", "b"}, m.oneVsRest("y").textColumns().column("fold"));
    }

    @Test
    void gzipAndTsvAndBigBinaryFilesTooThoughTheParallelPathDeclines() throws IOException {
        StringBuilder sb = new StringBuilder("label\tscore\tg\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i % 3 == 0 ? 1 : 0).append('\t').append(i % 1000 / 1000.0).append('\t').append("g" + i % 7)
                    .append('\n');
        }
        Path gz = dir.resolve("big.tsv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        Predictions in = read(gz, List.of("g"), null);
        String[] g = in.textColumns().column("g");
        assertEquals(50_000, g.length);
        assertEquals("g3", g[3]);
        assertEquals("g" + 49_999 % 7, g[49_999]);
    }

    @Test
    void aMissingColumnIsNamedWithTheClosestMatch() throws IOException {
        Path p = write("b.csv", "label,score,gender\n1,0.9,F\n");
        InputException e = assertThrows(InputException.class, () -> read(p, List.of("gendr"), null));
        assertEquals(p + ":1: no column 'gendr' for the groups; columns: label, score, gender; did you mean"
                + " 'gender'?", e.getMessage());
    }

    @Test
    void numpyInputHasNoColumnsSoGroupAndFoldAreRefused() throws IOException {
        Path npz = dir.resolve("a.npz");
        Files.copy(NpyReferenceTest.dir().resolve("stored.npz"), npz);
        InputOptionException e = assertThrows(InputOptionException.class, () -> read(npz, List.of("g"), "f"));
        assertTrue(e.getMessage().startsWith("--group, --fold applies to CSV/TSV input; " + npz), e.getMessage());
        Path d = FixtureNpyTest.dir();
        InputOptionException pair = assertThrows(InputOptionException.class, () -> PredictionReader.read(
                InputSpec.builder().numpy(d.resolve("multiclass_digits_y.npy"), d.resolve("multiclass_digits_scores.npy"),
                        null).groupColumns(List.of("g")).build()));
        assertTrue(pair.getMessage().startsWith("--group applies to CSV/TSV input"), pair.getMessage());
    }

    @Test
    void textColumnsOfArraysAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TextColumns.of(List.of("a", "b"),
                List.of(new String[] {"x"}, new String[] {"x", "y"})));
        assertThrows(IllegalArgumentException.class, () -> TextColumns.of(List.of("a"), List.<String[]>of(new String[] {null})));
        assertThrows(IllegalArgumentException.class, () -> TextColumns.NONE.column("a"));
    }
}

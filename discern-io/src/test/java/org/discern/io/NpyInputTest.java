package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class NpyInputTest {
    @TempDir
    Path dir;

    private int counter;

    private NpyArray npy(String descr, boolean fortran, byte[] data, long... shape) throws IOException {
        return NpyArray.read(NpyBytes.write(dir, "f" + (counter++) + ".npy", NpyBytes.file(1, descr, fortran, data,
                shape)));
    }

    private NpyArray int64(long... v) throws IOException {
        return npy("<i8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, v), v.length);
    }

    private NpyArray f32(int rows, int columns, float... v) throws IOException {
        return npy("<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, v), rows, columns);
    }

    private NpyArray f64(int rows, int columns, double... v) throws IOException {
        return npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, v), rows, columns);
    }

    private NpyArray u8(int rows, int columns, int... v) throws IOException {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return npy("|u1", false, b, rows, columns);
    }

    @Test
    void labelKinds() throws IOException {
        LabelArray indices = NpyInput.labels(int64(2, 0, 1));
        assertEquals(LabelArray.Kind.CLASS_INDICES, indices.kind());
        assertEquals(3, indices.rows());
        assertEquals(0, indices.columns());
        assertArrayEquals(new int[] {2, 0, 1}, indices.classIndices());
        assertEquals(2, indices.classIndex(0));
        assertThrows(IllegalStateException.class, indices::indicator);

        LabelArray oneHot = NpyInput.labels(u8(3, 3, 0, 0, 1, 1, 0, 0, 0, 1, 0));
        assertEquals(LabelArray.Kind.ONE_HOT, oneHot.kind());
        assertTrue(oneHot.isMultiClass());
        assertTrue(oneHot.isIndicator());
        assertEquals(-1, oneHot.firstNonOneHotRow());
        assertArrayEquals(new int[] {2, 0, 1}, oneHot.classIndices());
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, oneHot.indicator());
        assertEquals(1, oneHot.indicator(2, 1));

        LabelArray multi = NpyInput.labels(u8(3, 2, 1, 0, 1, 1, 0, 1));
        assertEquals(LabelArray.Kind.INDICATOR, multi.kind());
        assertFalse(multi.isMultiClass());
        assertEquals(1, multi.firstNonOneHotRow());
        IllegalStateException e = assertThrows(IllegalStateException.class, multi::classIndices);
        assertEquals("row 1 does not hold exactly one 1: these are multi-label, not class, labels", e.getMessage());
        // a row of zeros is not one-hot either
        assertEquals(1, NpyInput.labels(u8(2, 2, 1, 0, 0, 0)).firstNonOneHotRow());
    }

    @Test
    void labelErrors() throws IOException {
        InputException notBinary = assertThrows(InputException.class, () -> NpyInput.labels(u8(2, 2, 1, 0, 0, 2)));
        assertEquals("label element [1, 1] = 2; a 2-D label array must be a 0/1 indicator matrix",
                notBinary.problem());
        InputException fractional = assertThrows(InputException.class,
                () -> NpyInput.labels(npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 0.5), 2)));
        assertEquals("label element [1] = 0.5 is not a whole number; expected class indices (integers) in a float64"
                + " array", fractional.problem());
        InputException scalar = assertThrows(InputException.class,
                () -> NpyInput.labels(npy("<i8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 1))));
        assertEquals("expected labels: a 1-D array of class indices or a 2-D 0/1 indicator matrix, found () (a"
                + " scalar) int64", scalar.problem());
    }

    @Test
    void missingFilesAreInputErrors() {
        Path missing = dir.resolve("nope.npy");
        for (Executable read : new Executable[] {() -> NpyArray.read(missing), () -> NpzArchive.read(missing, "y"),
            () -> NpzArchive.keys(missing), () -> ClassNames.read(missing)}) {
            InputException e = assertThrows(InputException.class, read);
            assertEquals(missing.toString(), e.file());
            assertEquals("no such file", e.problem());
        }
    }

    @Test
    void degenerateShapes() throws IOException {
        InputException noColumns = assertThrows(InputException.class,
                () -> NpyInput.labels(npy("|u1", false, new byte[0], 3, 0)));
        assertEquals("expected at least one label column, found shape 3 x 0", noColumns.problem());
        InputException tooManyRows = assertThrows(InputException.class,
                () -> NpyInput.scores(npy("<f4", false, new byte[0], 1L << 40, 0)));
        assertEquals("array of 1099511627776 x 0 float32 has 1099511627776 rows, more than one Java array can hold"
                + " (2147483639)", tooManyRows.problem());
        InputException noScores = assertThrows(InputException.class,
                () -> NpyInput.scores(npy("<f4", false, new byte[0], 3, 0)));
        assertEquals("expected at least one score column, found shape 3 x 0", noScores.problem());
        // no rows at all is a valid, empty array
        assertEquals(0, NpyInput.labels(int64()).rows());
    }

    @Test
    void floatLabelsHoldingWholeNumbersAreAccepted() throws IOException {
        NpyArray y = npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 0, 2), 3);
        assertArrayEquals(new int[] {1, 0, 2}, NpyInput.labels(y).classIndices());
    }

    @Test
    void scoresKeepTheirPrecision() throws IOException {
        ScoreMatrix f = NpyInput.scores(f32(2, 2, 0.1f, 0.9f, 0.6f, 0.4f));
        assertTrue(f.isFloat());
        assertArrayEquals(new float[] {0.1f, 0.9f, 0.6f, 0.4f}, f.toFloatArray(), 0f);
        assertEquals((double) 0.1f, f.get(0, 0), 0.0);
        ScoreMatrix d = NpyInput.scores(f64(2, 2, 0.1, 0.9, 0.6, 0.4));
        assertFalse(d.isFloat());
        assertArrayEquals(new double[] {0.1, 0.9, 0.6, 0.4}, d.toDoubleArray(), 0.0);
        // float16 stays float; Fortran order comes out row-major
        ScoreMatrix h = NpyInput.scores(npy("<f2", true, new byte[] {0, 0x3C, 0, 0x38, 0, 0x40, 0, 0x34}, 2, 2));
        assertTrue(h.isFloat());
        assertArrayEquals(new float[] {1f, 2f, 0.5f, 0.25f}, h.toFloatArray(), 0f);
        ScoreMatrix binary = NpyInput.scores(npy("<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 0.2f, 0.8f), 2));
        assertEquals(2, binary.rows());
        assertEquals(1, binary.columns());
        ScoreMatrix ints = NpyInput.scores(int64(3, 1));
        assertFalse(ints.isFloat());
        assertArrayEquals(new double[] {3, 1}, ints.column(0), 0.0);
    }

    @Test
    void nonFiniteScoresNameTheirPosition() throws IOException {
        InputException nan = assertThrows(InputException.class,
                () -> NpyInput.scores(f32(2, 3, 0, 0, 0, 0, Float.NaN, 0)));
        assertEquals("score [1, 1] is NaN; expected finite numbers", nan.problem());
        // in a Fortran file the position is still (row, column)
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
        double[] colMajor = {0, 0, Double.NEGATIVE_INFINITY, 0, 0, 0}; // element (0, 1) of a 2 x 3 matrix
        for (double v : colMajor) {
            b.putDouble(v);
        }
        InputException inf = assertThrows(InputException.class,
                () -> NpyInput.scores(npy(">f8", true, b.array(), 2, 3)));
        assertEquals("score [0, 1] is -Infinity; expected finite numbers", inf.problem());
    }

    @Test
    void weights() throws IOException {
        assertArrayEquals(new double[] {1, 0.5}, NpyInput.weights(
                npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 0.5), 2)), 0.0);
        assertArrayEquals(new double[] {3, 0}, NpyInput.weights(int64(3, 0)), 0.0);
        InputException negative = assertThrows(InputException.class, () -> NpyInput.weights(
                npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, -0.5), 2)));
        assertEquals("weight [1] is -0.5; expected a finite number >= 0", negative.problem());
        InputException shape = assertThrows(InputException.class, () -> NpyInput.weights(f64(2, 1, 1, 0.5)));
        assertEquals("expected 1-D sample weights, found shape 2 x 1", shape.problem());
    }

    @Test
    void multiClassFromIndicesOrOneHot() throws IOException {
        NpyArray scores = f32(3, 3, 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f, 0.3f, 0.4f, 0.3f);
        MultiClassPredictions m = NpyInput.multiClass(int64(0, 2, 1), scores, null, null);
        assertEquals(3, m.size());
        assertEquals(List.of("0", "1", "2"), m.classNames());
        assertArrayEquals(new int[] {0, 2, 1}, m.labels());
        assertEquals(0.8f, (float) m.score(1, 2));
        assertFalse(m.hasWeights());
        assertNull(m.weights());
        assertEquals(1.0, m.weight(2));
        MultiClassPredictions oneHot = NpyInput.multiClass(u8(3, 3, 1, 0, 0, 0, 0, 1, 0, 1, 0), scores,
                List.of("x", "y", "z"), npy("<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 1, 2, 0.5f), 3));
        assertArrayEquals(new int[] {0, 2, 1}, oneHot.labels());
        assertEquals("z", oneHot.className(2));
        assertArrayEquals(new double[] {1, 2, 0.5}, oneHot.weights(), 0.0);
    }

    @Test
    void multiClassErrors() throws IOException {
        NpyArray scores = f32(3, 3, 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f, 0.3f, 0.4f, 0.3f);
        NpyArray labels = int64(0, 3, 1);
        InputException range = assertThrows(InputException.class,
                () -> NpyInput.multiClass(labels, scores, null, null));
        assertEquals("label [1] = 3 is not a class index; expected 0..2 (3 score columns in " + scores.source() + ")",
                range.problem());
        assertEquals(labels.source(), range.file());
        InputException rows = assertThrows(InputException.class,
                () -> NpyInput.multiClass(int64(0, 1), scores, null, null));
        assertTrue(rows.problem().startsWith("expected one label per score row: 2 labels, 3 rows in "),
                rows.problem());
        InputException notOneHot = assertThrows(InputException.class,
                () -> NpyInput.multiClass(u8(3, 3, 1, 0, 0, 1, 1, 0, 0, 1, 0), scores, null, null));
        assertEquals("row 1 of the label matrix does not hold exactly one 1; expected one-hot rows for multi-class"
                + " (this is a multi-label indicator)", notOneHot.problem());
        InputException oneD = assertThrows(InputException.class, () -> NpyInput.multiClass(int64(0, 1),
                npy("<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 0.1f, 0.9f), 2), null, null));
        assertEquals("expected a 2-D n x K score matrix with K >= 2 for multi-class, found 2 float32", oneD.problem());
        InputException names = assertThrows(InputException.class,
                () -> NpyInput.multiClass(int64(0, 2, 1), scores, List.of("a", "b"), null));
        assertEquals("scores have 3 columns but 2 class names were given; expected one name per column",
                names.problem());
        InputException weights = assertThrows(InputException.class, () -> NpyInput.multiClass(int64(0, 2, 1), scores,
                null, npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 1), 2)));
        assertTrue(weights.problem().startsWith("expected 3 weights (one per row of "), weights.problem());
    }

    @Test
    void layoutOfAPair() throws IOException {
        NpyArray oneColumn = f64(2, 1, 0.1, 0.9);
        NpyArray twoColumns = f64(2, 2, 0.1, 0.9, 0.6, 0.4);
        NpyArray vector = npy("<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 0.1f, 0.9f), 2);
        LabelArray indices = NpyInput.labels(int64(0, 1));
        LabelArray oneHot = NpyInput.labels(u8(2, 2, 1, 0, 0, 1));
        LabelArray indicator = NpyInput.labels(u8(2, 2, 1, 1, 0, 1));
        assertEquals(Layout.BINARY, LayoutDetector.fromArrays(indices, vector));
        assertEquals(Layout.BINARY, LayoutDetector.fromArrays(indices, oneColumn));
        assertEquals(Layout.MULTICLASS, LayoutDetector.fromArrays(indices, twoColumns));
        assertEquals(Layout.MULTICLASS, LayoutDetector.fromArrays(oneHot, twoColumns));
        assertEquals(Layout.MULTILABEL, LayoutDetector.fromArrays(indicator, twoColumns));
    }

    @Test
    void binary() throws IOException {
        NpyArray y = npy("|b1", false, new byte[] {1, 0, 1}, 3);
        NpyArray s = npy("<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 0.75f, 0.25f, 0.5f), 3, 1);
        BinaryPredictions b = NpyInput.binary(y, s, null);
        assertArrayEquals(new boolean[] {true, false, true}, b.labels());
        assertArrayEquals(new double[] {0.75, 0.25, 0.5}, b.scores(), 0.0);
        assertEquals("1", b.positiveLabel());
        assertEquals(s.source(), b.source());
        BinaryPredictions w = NpyInput.binary(int64(0, 1), f64(2, 1, 0.1, 0.9),
                npy("<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 2, 3), 2));
        assertArrayEquals(new double[] {2, 3}, w.weights(), 0.0);
        InputException two = assertThrows(InputException.class, () -> NpyInput.binary(int64(0, 2), f64(2, 1, 0.1,
                0.9), null));
        assertEquals("label [1] = 2; expected 0 or 1 for a binary evaluation (1-D scores)", two.problem());
        InputException wide = assertThrows(InputException.class, () -> NpyInput.binary(int64(0, 1), f64(2, 2, 0.1,
                0.9, 0.2, 0.8), null));
        assertEquals("expected 1-D scores (one per sample) for a binary evaluation, found 2 x 2 float64",
                wide.problem());
        InputException matrix = assertThrows(InputException.class, () -> NpyInput.binary(u8(2, 1, 0, 1), f64(2, 1,
                0.1, 0.9), null));
        assertEquals("expected 1-D 0/1 labels for a binary evaluation, found 2 x 1 uint8", matrix.problem());
    }

    @Test
    void multiLabel() throws IOException {
        NpyArray y = u8(2, 3, 1, 0, 1, 0, 0, 0);
        NpyArray s = f64(2, 3, 0.9, 0.1, 0.8, 0.2, 0.3, 0.4);
        MultiLabelPredictions m = NpyInput.multiLabel(y, s, List.of("r", "g", "b"), null);
        assertEquals(2, m.size());
        assertEquals(3, m.labelCount());
        assertArrayEquals(new int[] {1, 0, 1, 0, 0, 0}, m.indicator());
        assertTrue(m.isPositive(0, 2));
        assertFalse(m.isPositive(1, 0));
        assertEquals(0.4, m.score(1, 2));
        assertEquals("b", m.labelName(2));
        InputException oneD = assertThrows(InputException.class, () -> NpyInput.multiLabel(int64(0, 1), s, null, null));
        assertTrue(oneD.problem().startsWith("expected a 2-D n x L 0/1 indicator matrix for multi-label, found 2"
                + " int64"), oneD.problem());
        InputException columns = assertThrows(InputException.class,
                () -> NpyInput.multiLabel(u8(2, 2, 1, 0, 0, 1), s, null, null));
        assertTrue(columns.problem().startsWith("label matrix has 2 columns, "), columns.problem());
    }
}

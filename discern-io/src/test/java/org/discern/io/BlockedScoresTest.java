package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.discern.metrics.MulticlassEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-class file larger than one block of rows is held as blocks ({@link ScoreMatrix#wrapBlocks},
 * no compacted copy): the matrix reads and compares as the one-array matrix of the same values,
 * and the evaluation from the blocks gives the numbers of the evaluation from one array.
 */
class BlockedScoresTest {
    @TempDir
    Path dir;

    @Test
    void rowsPerBlockFillWholeRegions() {
        assertEquals(41_942, ColumnBlocks.rowsPerBlock(25)); // 8,388,400 bytes + 16 of header <= 8 MiB
        assertEquals(1_048_574, ColumnBlocks.rowsPerBlock(1));
        assertEquals(1, ColumnBlocks.rowsPerBlock(2_000_000));
    }

    @Test
    void aLargeMultiClassFileIsReadInBlocksAndEvaluatesAsOneArray() throws IOException {
        int k = 3000; // 349 rows per block: 1,000 rows make 3 blocks
        int n = 1000;
        SplittableRandom r = new SplittableRandom(14);
        StringBuilder sb = new StringBuilder("label");
        for (int c = 0; c < k; c++) {
            sb.append(",c").append(c);
        }
        sb.append('\n');
        double[] expected = new double[n * k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
            sb.append('c').append(labels[i]);
            for (int c = 0; c < k; c++) {
                // a few distinct values (ties), higher for the true class
                double v = (r.nextInt(8) + (c == labels[i] ? 4 : 0)) / 16.0;
                expected[i * k + c] = v;
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);

        MultiClassPredictions p = (MultiClassPredictions) PredictionReader.read(InputSpec.builder().file(file).build());
        ScoreMatrix m = p.scores();
        assertNotNull(m.blocksShared(), "held in blocks");
        assertEquals(3, m.blocksShared().length);
        assertEquals(349, m.rowsPerBlock());
        ScoreMatrix one = ScoreMatrix.of(expected, n, k);
        assertNull(one.blocksShared());
        assertEquals(one, m);
        assertEquals(m, one);
        assertEquals(one.hashCode(), m.hashCode());
        assertArrayEquals(expected, m.toDoubleArray());
        assertArrayEquals(one.column(2999), m.column(2999));
        assertEquals(expected[999 * k + 17], m.get(999, 17));
        assertArrayEquals(labels, p.labels());

        MulticlassEvaluation full = p.evaluation(); // from one compacted array
        MulticlassEvaluation blocks = p.summaryEvaluation(); // from the blocks in place
        assertEquals(full.rocAucOvrMacro(), blocks.rocAucOvrMacro());
        assertEquals(full.rocAucOvrMicro(), blocks.rocAucOvrMicro());
        assertEquals(full.averagePrecisionMicro(), blocks.averagePrecisionMicro());
        assertEquals(full.rocAucOvoWeighted(), blocks.rocAucOvoWeighted());
        assertEquals(full.confusionMatrix(), blocks.confusionMatrix());
        assertEquals(full.topKAccuracy(3), blocks.topKAccuracy(3));
        assertEquals(full.warnings(), blocks.warnings());
    }
}

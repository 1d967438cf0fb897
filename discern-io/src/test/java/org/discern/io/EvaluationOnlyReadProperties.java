package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.SameEvaluation;
import org.discern.metrics.SummaryOptions;

/**
 * {@link InputSpec#evaluationOnly()}: the chunked reader evaluates unweighted binary rows as it
 * reads them ({@link org.discern.metrics.BinaryScoreBlocks}) and keeps none, and that evaluation is
 * exactly the evaluation of the rows the sequential reader reads (every number, and the JSON
 * summary byte for byte); it accepts and declines exactly the files it otherwise would.
 */
class EvaluationOnlyReadProperties {

    @Property(tries = 300)
    void evaluatedAsReadIsTheEvaluationOfTheRows(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int chunk,
            @ForAll @IntRange(min = 1, max = 3) int workers, @ForAll boolean clean) throws IOException {
        Random r = new Random(seed);
        Path file = Files.createTempFile("evaluated", ".csv");
        try {
            byte[] text = ChunkedCsvPropertyTest.binaryFile(r, false, clean);
            String shown = new String(text, StandardCharsets.UTF_8) + " (chunk " + chunk + ")";
            Files.write(file, text);
            InputSpec.Builder b = InputSpec.builder().file(file);
            if (r.nextBoolean()) {
                b.positive(r.nextBoolean() ? "yes" : "0");
            }
            InputSpec spec = b.build();
            BinaryPredictions expected;
            try {
                expected = BinaryCsvReader.of(spec).read(file);
            } catch (InputException e) {
                expected = null;
            }
            Predictions rows = ChunkedCsv.read(file, spec, chunk, workers);
            Predictions got = ChunkedCsv.read(file, spec.toBuilder().evaluationOnly(true).build(), chunk, workers);
            // declines (or not) exactly as without the option
            assertEquals(rows == null, got == null, shown);
            if (expected == null) {
                assertNull(got, () -> "accepted a file the sequential reader refuses: " + shown);
                return;
            }
            if (got == null) {
                return;
            }
            sameEvaluation(expected, (BinaryPredictions) got, shown);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * {@code spec} read with its rows kept and read for its evaluation only: refused with the same
     * message both ways, or accepted both ways with the same evaluation ({@link #sameEvaluation}).
     */
    static void sameAsRowsKept(InputSpec spec, String shown) throws IOException {
        BinaryPredictions kept = null;
        String refused = null;
        try {
            kept = (BinaryPredictions) PredictionReader.read(spec);
        } catch (InputException e) {
            refused = e.getMessage();
        }
        BinaryPredictions got = null;
        String gotRefused = null;
        try {
            got = (BinaryPredictions) PredictionReader.read(spec.toBuilder().evaluationOnly(true).build());
        } catch (InputException e) {
            gotRefused = e.getMessage();
        }
        assertEquals(refused, gotRefused, shown);
        if (refused == null) {
            assertTrue(kept.rowsKept(), shown);
            sameEvaluation(kept, got, shown);
        }
    }

    /**
     * {@code got}, evaluated as read and keeping no row, is {@code expected} (rows kept): the same
     * facts, every number of the evaluation, log loss and Brier bit for bit, the same JSON summary.
     */
    static void sameEvaluation(BinaryPredictions expected, BinaryPredictions got, String shown) {
        assertFalse(got.rowsKept(), shown);
        assertEquals(expected.size(), got.size(), shown);
        assertEquals(expected.positiveLabel(), got.positiveLabel(), shown);
        assertEquals(expected.labelValues(), got.labelValues(), shown);
        assertEquals(expected.source(), got.source(), shown);
        BinaryEvaluation e = expected.evaluation();
        SameEvaluation.binary(e, got.evaluation(), 0, shown);
        assertEquals(e.logLoss(), got.evaluation().logLoss(), 0, shown);
        assertEquals(e.brierScore(), got.evaluation().brierScore(), 0, shown);
        SummaryOptions options = SummaryOptions.defaults().withPositiveLabel(expected.positiveLabel());
        assertEquals(SummaryJson.toText(EvaluationSummary.binary(e, options)),
                SummaryJson.toText(EvaluationSummary.binary(got.evaluation(), options)), shown);
    }

    @Example
    void weightedRowsAreKept() throws IOException {
        Path file = Files.createTempFile("weighted", ".csv");
        try {
            Files.writeString(file, "label,score,w\n1,0.9,2\n0,0.2,1\n1,0.4,0.5\n");
            InputSpec spec = InputSpec.builder().file(file).weightColumn("w").evaluationOnly(true).build();
            BinaryPredictions p = (BinaryPredictions) ChunkedCsv.read(file, spec, 8, 2);
            assertNotNull(p);
            assertTrue(p.rowsKept());
            assertEquals(0.9, p.score(0));
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void rowsNotKeptAreRefusedByName() throws IOException {
        Path file = Files.createTempFile("evaluated", ".csv");
        try {
            Files.writeString(file, "label,score\n1,0.9\n0,0.4\n1,0.2\n0,-0.0\n");
            InputSpec spec = InputSpec.builder().file(file).evaluationOnly(true).build();
            BinaryPredictions p = (BinaryPredictions) ChunkedCsv.read(file, spec, 8, 2);
            assertNotNull(p);
            assertFalse(p.rowsKept());
            assertEquals(4, p.size());
            assertEquals(0.75, p.evaluation().rocAuc());
            IllegalStateException e = assertThrows(IllegalStateException.class, p::scores);
            assertTrue(e.getMessage().contains("not kept"), e.getMessage());
            assertThrows(IllegalStateException.class, p::labels);
            assertThrows(IllegalStateException.class, () -> p.score(0));
            assertThrows(IllegalStateException.class, () -> p.label(0));
            // the other accessors and the derived copies keep the evaluation
            BinaryPredictions renamed = p.withSource("other.csv").withInputRows(InputRows.NONE);
            assertEquals("other.csv", renamed.source());
            assertFalse(renamed.rowsKept());
            assertEquals(0.75, renamed.evaluation().rocAuc());
        } finally {
            Files.delete(file);
        }
    }
}

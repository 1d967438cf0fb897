package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.discern.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {

    @Test
    void fitsOnTrainingRowsAndStandardisesImputesAndClips(@TempDir Path dir) throws Exception {
        // column a: 1, 2, 3, 100 -> mean 26.5, population std sqrt(((25.5)^2+(24.5)^2+(23.5)^2+(73.5)^2)/4)
        // column b: 4, NaN, 4, 4 -> median 4, constant -> std 1
        Table train = Table.labelled("t", List.of("a", "b"),
                new float[] {1, 4, 2, Float.NaN, 3, 4, 100, 4}, "y", new boolean[] {false, true, false, true}, "1", "0");
        Preprocessing p = Preprocessing.fit(train, List.of(), 1e-3, 1.5);
        double std = Math.sqrt((25.5 * 25.5 + 24.5 * 24.5 + 23.5 * 23.5 + 73.5 * 73.5) / 4);
        assertArrayEquals(new double[] {26.5, 4}, p.means(), 1e-12);
        assertArrayEquals(new double[] {std, 1}, p.stds(), 1e-12);
        assertArrayEquals(new double[] {2.5, 4}, p.medians(), 0);
        // new data, columns in another order; b missing -> median 4 -> 0
        Table fresh = Table.unlabelled("n", List.of("b", "a"), new float[] {Float.NaN, 26.5f, 5, 1000f, 3, -1000f}, 3);
        float[] x = p.apply(fresh);
        assertArrayEquals(new float[] {0, 0, 1.5f, 1, 1.5f * -1, -1}, new float[] {x[0], x[1], x[2], x[3], x[4], x[5]});
        assertEquals(0f, x[0]);
        assertEquals((float) ((5 - 4) / 1.0), x[3]);

        Path f = dir.resolve("preprocessing.json");
        p.save(f);
        assertEquals(p, Preprocessing.load(f));
        Preprocessing unclipped = Preprocessing.fit(train, List.of("a"), 0.5, Double.POSITIVE_INFINITY);
        unclipped.save(f);
        Preprocessing back = Preprocessing.load(f);
        assertEquals(unclipped, back);
        assertEquals(List.of("a"), back.logColumns());
        assertEquals(0.5, back.logEpsilon());
    }

    @Test
    void missingColumnIsAnInputError() {
        Table train = Table.labelled("t", List.of("a", "b"), new float[] {1, 2, 3, 4}, "y",
                new boolean[] {false, true}, "1", "0");
        Preprocessing p = Preprocessing.fit(train, List.of(), 1e-3, 5);
        InputException e = assertThrows(InputException.class,
                () -> p.apply(Table.unlabelled("new.csv", List.of("a"), new float[] {1}, 1)));
        assertEquals("new.csv:1: column 'b': column the model was trained on is missing from the header [a]",
                e.getMessage());
    }
}

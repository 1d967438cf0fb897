package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden fixtures' inputs, written as .npy by make_npy.py, read back into the holders with
 * exactly the numbers of the fixture JSON.
 */
class FixtureNpyTest {
    static Path dir() {
        return NpyReferenceTest.dir().resolve("fixtures");
    }

    static List<String> multiclass() {
        return Fixtures.MULTICLASS;
    }

    @ParameterizedTest
    @MethodSource("multiclass")
    void multiClassFixtures(String name) throws IOException {
        JsonNode in = Fixtures.json(name).get("input");
        Path w = dir().resolve(name + "_weights.npy");
        MultiClassPredictions m = NpyInput.multiClass(NpyArray.read(dir().resolve(name + "_y.npy")),
                NpyArray.read(dir().resolve(name + "_scores.npy")),
                ClassNames.read(dir().resolve(name + "_names.txt")),
                Files.exists(w) ? NpyArray.read(w) : null);
        assertEquals(Fixtures.strings(in.get("classes")), m.classNames());
        assertArrayEquals(Fixtures.ints(in.get("labels")), m.labels());
        double[][] scores = Fixtures.matrix(in.get("scores"));
        assertEquals(scores.length, m.size());
        assertFalse(m.scores().isFloat());
        for (int i = 0; i < scores.length; i++) {
            for (int k = 0; k < scores[i].length; k++) {
                assertEquals(scores[i][k], m.score(i, k), 0.0, name + "[" + i + ", " + k + "]");
            }
        }
        if (in.get("weights").isNull()) {
            assertNull(m.weights());
        } else {
            assertArrayEquals(Fixtures.doubles(in.get("weights")), m.weights(), 0.0);
        }
    }

    @Test
    void multiLabelFixture() throws IOException {
        JsonNode in = Fixtures.json("multilabel_small").get("input");
        NpyArray y = NpyArray.read(dir().resolve("multilabel_small_y.npy"));
        assertEquals(NpyType.BOOL, y.type());
        MultiLabelPredictions m = NpyInput.multiLabel(y, NpyArray.read(dir().resolve("multilabel_small_scores.npy")),
                ClassNames.read(dir().resolve("multilabel_small_names.txt")), null);
        assertEquals(Fixtures.strings(in.get("labels_names")), m.labelNames());
        double[][] labels = Fixtures.matrix(in.get("labels"));
        double[][] scores = Fixtures.matrix(in.get("scores"));
        assertEquals(labels.length, m.size());
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels[i].length; j++) {
                assertEquals(labels[i][j] == 1, m.isPositive(i, j), "labels[" + i + ", " + j + "]");
                assertEquals(scores[i][j], m.score(i, j), 0.0, "scores[" + i + ", " + j + "]");
            }
        }
    }
}

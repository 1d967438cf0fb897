package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by real NumPy ({@code src/test/resources/npy/make_npy.py}) read back to the values
 * NumPy listed in {@code reference.json}.
 */
class NpyReferenceTest {
    static Path dir() {
        try {
            return Path.of(NpyReferenceTest.class.getResource("/npy/reference.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("reference.json").toFile());
    }

    static Stream<Arguments> npyFiles() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) reference().get("files")::fields) {
            if (e.getKey().endsWith(".npy")) {
                out.add(Arguments.of(e.getKey(), e.getValue()));
            }
        }
        return out.stream();
    }

    @Test
    void everyNumpyFileIsCovered() throws IOException {
        // 12 dtypes x 2 byte orders x 2 memory orders + v2, v3, 1-D, scalar, empty, one-hot
        assertEquals(54, npyFiles().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyFiles")
    void readsWhatNumpyWrote(String name, JsonNode ref) throws IOException {
        NpyArray a = NpyArray.read(dir().resolve(name));
        check(a, ref, name);
        assertEquals(ref.get("fortran_order").asBoolean(), a.header().fortranOrder(), name);
        assertEquals(ref.get("version").get(0).asInt(), a.header().majorVersion(), name);
    }

    static void check(NpyArray a, JsonNode ref, String name) throws InputException {
        assertEquals(ref.get("dtype").asText(), a.type().numpyName(), name);
        JsonNode shape = ref.get("shape");
        assertEquals(shape.size(), a.dimensions(), name);
        for (int i = 0; i < shape.size(); i++) {
            assertEquals(shape.get(i).asLong(), a.header().shape(i), name);
        }
        JsonNode values = ref.get("values");
        double[] d = a.toDoubleArray();
        assertEquals(values.size(), d.length, name);
        boolean fitsInt = a.type().isIntegral();
        for (int i = 0; i < d.length; i++) {
            String v = values.get(i).asText();
            if (a.type().isIntegral()) {
                BigInteger exact = new BigInteger(v);
                assertEquals(exact.doubleValue(), d[i], 0.0, name + "[" + i + "]");
                fitsInt &= exact.bitLength() < 32;
            } else {
                double expected = Double.parseDouble(v);
                assertEquals(expected, d[i], 0.0, name + "[" + i + "]");
                assertEquals(Math.copySign(1, expected), Math.copySign(1, d[i]), name + " sign [" + i + "]");
            }
        }
        if (a.type().isIntegral()) {
            if (fitsInt) {
                int[] ints = a.toIntArray();
                for (int i = 0; i < ints.length; i++) {
                    assertEquals(Integer.parseInt(values.get(i).asText()), ints[i], name + "[" + i + "]");
                }
            } else {
                assertThrows(InputException.class, a::toIntArray, name);
            }
        } else if (a.type() != NpyType.FLOAT64) {
            float[] f = a.toFloatArray();
            for (int i = 0; i < f.length; i++) {
                assertEquals((float) Double.parseDouble(values.get(i).asText()), f[i], 0f, name + "[" + i + "]");
            }
        }
    }

    @Test
    void archivesStoredAndDeflated() throws IOException {
        JsonNode files = reference().get("files");
        for (String archive : new String[] {"stored.npz", "deflated.npz"}) {
            Path p = dir().resolve(archive);
            assertEquals(List.of("y", "scores"), NpzArchive.keys(p));
            check(NpzArchive.read(p, "y"), files.get("npz:y"), archive);
            check(NpzArchive.read(p, "scores.npy"), files.get("npz:scores"), archive);
            MultiClassPredictions m = NpyInput.multiClass(NpzArchive.read(p, "y"), NpzArchive.read(p, "scores"),
                    List.of("a", "b", "c"), null);
            assertArrayEquals(new int[] {0, 1, 2, 1}, m.labels());
            assertEquals(0.8f, (float) m.score(1, 1));
            assertTrue(m.scores().isFloat());
        }
    }

    @Test
    void refusesWhatItMust() {
        Map<String, String> expected = Map.of(
                "object.npy", "object dtype '|O': the data is pickled Python objects",
                "pickle.npy", "expected the NumPy magic \\x93NUMPY, found \\x80\\x04\\x95",
                "structured.npy", "structured dtype [('a', '<i4'), ('b', '<f8')] is not supported",
                "int32_3d.npy", "an array of 3 dimensions (shape 2 x 3 x 4) is not supported",
                "float32_c_truncated.npy",
                "truncated data: header says 10 x 25 float32 = 1000 bytes of data, file has 996",
                "stored.npz", "expected the NumPy magic \\x93NUMPY, found PK\\x03\\x04");
        expected.forEach((file, start) -> {
            InputException e = assertThrows(InputException.class, () -> NpyArray.read(dir().resolve(file)), file);
            assertTrue(e.problem().startsWith(start), file + ": " + e.problem());
            assertEquals(dir().resolve(file).toString(), e.file());
        });
    }

    @Test
    void oneHotBoolLabels() throws IOException {
        LabelArray y = NpyInput.labels(NpyArray.read(dir().resolve("bool_onehot.npy")));
        assertEquals(LabelArray.Kind.ONE_HOT, y.kind());
        assertArrayEquals(new int[] {0, 2, 1, 1}, y.classIndices());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0}, y.indicator());
    }
}

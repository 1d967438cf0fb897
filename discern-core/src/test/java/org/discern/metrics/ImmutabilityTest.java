package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The audit of STYLE rule 4, by reflection over the exported package: public types are final
 * classes, records, enums or interfaces; their instance fields are final; no accessor hands out
 * an internal array (mutating what it returns changes nothing); inputs are copied in (mutating an
 * input after construction changes nothing, even for results computed later on demand).
 */
class ImmutabilityTest {

    /** The public top-level types of org.discern.metrics (main classes only). */
    static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(OperatingPoints.class.getResource("OperatingPoints.class").toURI()).getParent();
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName("org.discern.metrics." + name.substring(0, name.length() - 6));
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void publicTypesAreFinalWithFinalFields() throws Exception {
        List<Class<?>> types = publicTypes();
        assertTrue(types.size() > 30, "found " + types.size() + " public types");
        for (Class<?> c : types) {
            boolean ok = c.isInterface() || c.isEnum() || c.isRecord() || Modifier.isFinal(c.getModifiers());
            assertTrue(ok, c + " must be a final class, a record, an enum or an interface");
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    assertTrue(Modifier.isFinal(f.getModifiers()), c.getSimpleName() + "." + f.getName() + " must be final");
                }
            }
        }
    }

    /** One instance of each public type that has array accessors. */
    private static List<Object> samples() {
        double[] s = {0.9, 0.8, 0.8, 0.55, 0.4, 0.3, 0.3, 0.1};
        boolean[] y = {true, true, false, true, false, true, false, false};
        double[] w = {1, 2, 1, 1, 3, 1, 1, 2};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y, w);
        int[] c = {0, 1, 2, 2, 1, 0, 2, 1};
        double[][] m = {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}, {0.3, 0.3, 0.4}, {0.5, 0.4, 0.1},
            {0.4, 0.4, 0.2}, {0.2, 0.6, 0.2}, {0.3, 0.3, 0.4}};
        List<String> names = List.of("a", "b", "c");
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(10).withThreads(1);
        return List.of(ev.operatingPoints(), ev.rocCurve(), ev.precisionRecallCurve(), ev.detCurve(),
                ThresholdSweep.all(ev.operatingPoints()), Calibration.of(s, y, 4),
                IsotonicCalibrator.fit(s, y, w), PriorShiftCalibrator.of(new double[] {0.5, 0.5}, new double[] {0.2, 0.8}),
                Bootstrap.rocBand(s, y, null, new double[] {0.5}, o), Bootstrap.binary(s, y, w, o, BinaryStatistic.rocAuc()),
                MulticlassEvaluation.of(c, m, names, null), MulticlassEvaluation.of(c, m, names, null).confusionMatrix(),
                MultilabelEvaluation.of(new int[][] {{1, 0}, {0, 1}, {1, 1}}, new double[][] {{0.9, 0.1}, {0.3, 0.8}, {0.6, 0.7}},
                        List.of("x", "y"), null));
    }

    @Test
    void noAccessorHandsOutAnInternalArray() throws Exception {
        int checked = 0;
        for (Object sample : samples()) {
            for (Method method : sample.getClass().getMethods()) {
                if (!method.getReturnType().isArray() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Object[] args;
                if (method.getParameterCount() == 0) {
                    args = new Object[0];
                } else if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == int.class) {
                    args = new Object[] {0};
                } else {
                    continue;
                }
                Object first = method.invoke(sample, args);
                Object copy = deepCopy(first);
                scribble(first);
                Object again = method.invoke(sample, args);
                assertTrue(Arrays.deepEquals(new Object[] {copy}, new Object[] {again}),
                        sample.getClass().getSimpleName() + "." + method.getName() + " hands out its array");
                checked++;
            }
        }
        assertTrue(checked >= 37, "checked " + checked + " accessors");
    }

    private static Object deepCopy(Object array) {
        int n = Array.getLength(array);
        Object out = Array.newInstance(array.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Object v = Array.get(array, i);
            Array.set(out, i, v != null && v.getClass().isArray() ? deepCopy(v) : v);
        }
        return out;
    }

    /** Overwrites every element (recursively) with a value it cannot have had. */
    private static void scribble(Object array) {
        for (int i = 0; i < Array.getLength(array); i++) {
            Object v = Array.get(array, i);
            if (v != null && v.getClass().isArray()) {
                scribble(v);
            } else if (v instanceof Double) {
                Array.set(array, i, -12345.678);
            } else if (v instanceof Integer) {
                Array.set(array, i, -12345);
            } else if (v instanceof Long) {
                Array.set(array, i, -12345L);
            } else if (v instanceof Boolean b) {
                Array.set(array, i, !b);
            }
        }
    }

    @Test
    void inputsAreCopiedInEvenForResultsComputedLater() {
        double[] s = {0.9, 0.8, 0.8, 0.55, 0.4, 0.3, 0.3, 0.1};
        boolean[] y = {true, true, false, true, false, true, false, false};
        double[] fpr = {0, 0.5, 1};
        RocCurve roc = RocCurve.of(fpr, new double[] {0, 0.7, 1}, new double[] {Double.POSITIVE_INFINITY, 0.5, 0.1});
        fpr[1] = 0.9;
        assertEquals(0.5, roc.fpr(1));
        double[] thr = {0.9, 0.5};
        double[] tp = {1, 2};
        OperatingPoints op = OperatingPoints.fromCumulative(thr, tp, new double[] {0, 1}, 3, 2, false);
        thr[0] = 7;
        tp[1] = 9;
        assertEquals(0.9, op.threshold(0));
        assertEquals(2.0, op.truePositives(1));
        double[][] counts = {{3, 1}, {2, 4}};
        MulticlassConfusionMatrix cm = MulticlassConfusionMatrix.of(counts);
        counts[0][0] = 100;
        assertEquals(3.0, cm.count(0, 0));

        // the micro-average ROC curve is built on first request from the evaluation's own copy
        int[] labels = {0, 1, 2, 2, 1, 0, 2, 1};
        float[] flat = new float[24];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = ((i * 7) % 10) / 10f;
        }
        List<String> names = List.of("a", "b", "c");
        MulticlassEvaluation lazy = MulticlassEvaluation.of(labels, flat.clone(), names, null);
        int[] labelsCopy = labels.clone();
        float[] mutated = flat.clone();
        MulticlassEvaluation victim = MulticlassEvaluation.of(labels, mutated, names, null);
        Arrays.fill(mutated, 0.5f);
        Arrays.fill(labels, 0);
        assertEquals(lazy.rocCurveMicro(), victim.rocCurveMicro());
        assertEquals(MulticlassEvaluation.of(labelsCopy, flat, names, null).rocCurveMacro(), victim.rocCurveMacro());
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        double auc = ev.rocAuc();
        Arrays.fill(s, 0);
        assertEquals(auc, ev.rocAuc());
        assertFalse(ev.warnings().getClass().getName().contains("ArrayList"), "warnings must be unmodifiable");
    }
}

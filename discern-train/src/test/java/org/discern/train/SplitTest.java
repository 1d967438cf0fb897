package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SplitTest {

    private static boolean[] labels(int n, int pos) {
        boolean[] y = new boolean[n];
        for (int i = 0; i < pos; i++) {
            y[i * (n / pos)] = true;
        }
        return y;
    }

    private static int positives(int[] idx, boolean[] y) {
        return (int) Arrays.stream(idx).filter(i -> y[i]).count();
    }

    @Test
    void stratifiedCountsPartitionAndSeed() {
        boolean[] y = labels(10000, 100);
        Split s = Split.stratified(y, 0.2, 0.2, 1);
        // per class: test = round(0.2 n_c), validation = round(0.2 (n_c - test))
        assertEquals(20, positives(s.test(), y));
        assertEquals(16, positives(s.validation(), y));
        assertEquals(64, positives(s.train(), y));
        assertEquals(1980 + 20, s.test().length);
        assertEquals(1584 + 16, s.validation().length);
        assertEquals(6336 + 64, s.train().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertEquals(10000, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i]);
        }
        assertEquals(s, Split.stratified(y, 0.2, 0.2, 1));
        assertNotEquals(s, Split.stratified(y, 0.2, 0.2, 2));
    }

    @Test
    void tooFewPositivesOrBadFractions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Split.stratified(labels(100, 2), 0.2, 0.2, 1));
        assertEquals("the positive class has 2 rows: too few to put at least one in each of train (2), "
                + "validation (0) and test (0)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Split.stratified(labels(100, 10), 1.0, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.stratified(labels(100, 10), 0.2, 0, 1));
    }
}

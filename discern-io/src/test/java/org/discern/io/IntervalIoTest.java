package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.AucComparison;
import org.discern.metrics.ConfidenceInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExtraColumns}, and the interval and comparison JSON ({@link SummaryJson}, {@link ComparisonJson}). */
class IntervalIoTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path p = dir.resolve("p.csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsExtraScoreColumnsAndIdsInFileOrder() throws IOException {
        StringBuilder sb = new StringBuilder("id,label,a,b\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("r").append(i).append(",1,").append(i / 10.0).append(',').append(-i).append('\n');
        }
        ExtraColumns e = ExtraColumns.read(write(sb.toString()), List.of("b", "a"), "id");
        double[] b = e.numbers(0);
        double[] a = e.numbers(1);
        assertEquals(3000, a.length);
        assertEquals(-2999.0, b[2999]);
        assertEquals(299.9, a[2999]);
        assertEquals("r1234", e.ids()[1234]);
        assertNull(ExtraColumns.read(write("label,a\n1,0.5\n"), List.of("a"), null).ids());
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path p = write("id,label,a\nx,1,0.5\ny,0,0.2\nx,0,0.1\n");
        InputException dup = assertThrows(InputException.class, () -> ExtraColumns.read(p, List.of("a"), "id"));
        assertEquals(p + ":4: column 'id': expected unique ids, found 'x' also on line 2", dup.getMessage());
        InputException missing = assertThrows(InputException.class, () -> ExtraColumns.read(p, List.of("b"), null));
        assertEquals(p + ":1: no column 'b' for the scores; columns: id, label, a", missing.getMessage());
        Path bad = write("id,label,a\nx,1,abc\n");
        InputException nan = assertThrows(InputException.class, () -> ExtraColumns.read(bad, List.of("a"), null));
        assertEquals(bad + ":2: column 'a': expected a number, found 'abc'", nan.getMessage());
    }

    @Test
    void intervalAndComparisonKeys() {
        ObjectNode ci = SummaryJson.interval(new ConfidenceInterval(0.9, 0.85, 0.95, 0.95, "delong"));
        assertEquals("{\"method\":\"delong\",\"level\":0.95,\"lower\":0.85,\"upper\":0.95}", ci.toString());
        ObjectNode undefined = SummaryJson.interval(new ConfidenceInterval(1, Double.NaN, Double.NaN, 0.9, "delong"));
        assertEquals("{\"method\":\"delong\",\"level\":0.9,\"lower\":null,\"upper\":null}", undefined.toString());
        AucComparison c = new AucComparison("m1", "m2", 0.9, 0.8, 0.1, 0.05, 0.15, 0.95, 0.001, 0.002, 0.0005,
                2.5, 0.0124, 0.0248, true, "delong", List.of());
        assertEquals("{\"comparisons\":[{\"a\":\"m1\",\"b\":\"m2\",\"roc_auc_a\":0.9,\"roc_auc_b\":0.8,"
                + "\"difference\":0.1,\"difference_ci\":[0.05,0.15],\"covariance\":5.0E-4,\"z\":2.5,"
                + "\"p_value\":0.0124,\"p_value_holm\":0.0248,\"method\":\"delong\"}],\"paired\":true,\"level\":0.95,"
                + "\"warnings\":[]}",
                ComparisonJson.of(null, List.of(c), true, 0.95, null, List.of()).toString());
    }
}

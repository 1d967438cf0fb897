package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chunked reader's progress, with chunks of a few bytes: each report names rows already read
 * (never "0 rows" while the first chunks are parsed or a gzip stream is inflated ahead), rows and
 * bytes only grow, bytes stay within the file, and the end reports every row.
 */
class ChunkedCsvProgressTest {
    @TempDir
    Path dir;

    /** One call of the listener. */
    private record Report(long bytes, long total, long rows) {
    }

    @ParameterizedTest
    @CsvSource({"true, 64, 1", "true, 64, 2", "true, 300, 3", "false, 64, 2", "false, 1000, 1"})
    void everyReportNamesRowsReadAndOnlyGrows(boolean gzip, int chunk, int workers) throws IOException {
        StringBuilder text = new StringBuilder("label,score\n");
        int n = 5000;
        for (int i = 0; i < n; i++) {
            text.append(i % 3 == 0 ? 1 : 0).append(',').append((i % 997) / 997.0).append('\n');
        }
        Path p = dir.resolve(gzip ? "in.csv.gz" : "in.csv");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
                o.write(bytes);
            }
        } else {
            Files.write(p, bytes);
        }
        long size = Files.size(p);
        List<Report> reports = new ArrayList<>();
        long[] done = {-1};
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(String file, long bytesRead, long totalBytes, long rows) {
                assertEquals(p.toString(), file);
                reports.add(new Report(bytesRead, totalBytes, rows));
            }

            @Override
            public void done(String file, long rows) {
                done[0] = rows;
            }
        };
        Predictions read = ChunkedCsv.read(p, InputSpec.builder().file(p).progress(listener).build(), chunk, workers);
        assertNotNull(read);
        assertEquals(n, read.size());
        assertEquals(n, done[0]);
        assertFalse(reports.isEmpty());
        Report last = new Report(0, size, 0);
        for (Report r : reports) {
            assertTrue(r.rows() > last.rows(), () -> "rows must grow and never be 0: " + reports);
            assertTrue(r.bytes() >= last.bytes() && r.bytes() <= size, () -> "bytes: " + reports);
            assertEquals(size, r.total());
            last = r;
        }
        assertEquals(n, last.rows());
    }
}

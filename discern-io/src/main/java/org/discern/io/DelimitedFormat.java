package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CSV and TSV with a header row, optionally gzip-compressed ({@link DelimitedFile}): the format
 * of any file no other format recognises. The layout comes from the header
 * ({@link LayoutDetector#fromColumns}); the file is opened once and read by the layout's reader.
 */
final class DelimitedFormat implements PredictionFormat {
    @Override
    public boolean accepts(byte[] head) {
        return true;
    }

    @Override
    public Predictions read(Path file, InputStream in, InputSpec spec) throws IOException {
        PredictionFormat.refuse(spec.numpySettings(), "applies to NumPy input; " + file + " is a CSV/TSV file (its"
                + " classes are its column names)");
        PredictionFormat.refuse(spec.archiveSettings(), "applies to an .npz archive; " + file + " is a CSV/TSV file");
        // the parallel fast path; on anything unusual or wrong it declines and the sequential
        // reader below reads the file and names the first problem
        // (further score columns that drop rows too are the sequential reader's alone)
        Predictions fast = PredictionReader.isStdin(file) || spec.dropInvalid() && !spec.alsoFinite().isEmpty() ? null
                : ChunkedCsv.read(file, spec);
        if (fast != null) {
            // lines are found again only when a message names a row (the chunked reader keeps none)
            return RowFilter.withInputRows(fast, InputRows.rescanned(file));
        }
        boolean stdin = PredictionReader.isStdin(file);
        long size = !stdin && Files.isRegularFile(file) ? Files.size(file) : 0;
        try (DelimitedFile f = DelimitedFile.open(PredictionReader.nameOf(file), in, size)) {
            Layout layout = LayoutDetector.fromColumns(f.name(), f.header(), spec);
            LayoutDetector.refuseOptions(file, layout, spec);
            switch (layout) {
                case MULTICLASS:
                    return MultiClassCsvReader.of(spec).read(f);
                case MULTILABEL:
                    return MultiLabelCsvReader.of(spec).read(f);
                default:
                    return BinaryCsvReader.of(spec).read(f);
            }
        }
    }
}

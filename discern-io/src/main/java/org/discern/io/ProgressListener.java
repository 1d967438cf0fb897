package org.discern.io;

/**
 * Receives reading progress. Called from the reading thread about every 64k rows, so an
 * implementation decides itself how often to show anything.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (file, bytes, total, rows) -> { };

    /**
     * @param file the file being read
     * @param bytesRead bytes of the file consumed so far (compressed bytes for gzip)
     * @param totalBytes size of the file, or -1 if unknown
     * @param rows data rows read so far
     */
    void progress(String file, long bytesRead, long totalBytes, long rows);

    /** Called once when the file has been read completely. */
    default void done(String file, long rows) {
    }
}

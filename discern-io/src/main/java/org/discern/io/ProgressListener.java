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

    /**
     * A note about how the input is read that a person should know (e.g. a column that looks
     * meant but is not used); may come twice for one input (a reader that declines hands over to
     * another), so a listener shows each distinct note once.
     */
    default void note(String file, String message) {
    }

    /** Called once when the file has been read completely. */
    default void done(String file, long rows) {
    }
}

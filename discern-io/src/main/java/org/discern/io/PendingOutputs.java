package org.discern.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The outputs being written in this JVM. One shutdown hook (registered on first use) rolls back
 * every output that has not been committed when the JVM is stopped by SIGINT or SIGTERM, so an
 * interrupt leaves no temporary files or directories behind. (SIGKILL cannot be caught: the
 * hidden names {@code .NAME.*.discern-tmp} and {@code .NAME.discern-tmp-*} then tell what to
 * remove.)
 */
final class PendingOutputs {
    /** Something that can be rolled back; must be safe to call from another thread, and repeatedly. */
    interface Pending {
        void rollBack();
    }

    private static final Set<Pending> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private PendingOutputs() {
    }

    static void register(Pending p) {
        if (!hooked) {
            hook();
        }
        OPEN.add(p);
    }

    static void unregister(Pending p) {
        OPEN.remove(p);
    }

    private static synchronized void hook() {
        if (hooked) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(PendingOutputs::rollBackAll, "discern-output-cleanup"));
        hooked = true;
    }

    /** Rolls back every open output (what the shutdown hook does). */
    static void rollBackAll() {
        for (Pending p : List.copyOf(OPEN)) {
            try {
                p.rollBack();
            } catch (RuntimeException e) {
                // best effort at exit: go on with the others
            }
        }
    }

    /** Number of outputs open now (for tests). */
    static int open() {
        return OPEN.size();
    }

    /**
     * Deletes a file or a directory tree without following symbolic links; tries again when
     * another thread adds files meanwhile.
     */
    static void deleteTree(Path p) throws IOException {
        for (int attempt = 0; ; attempt++) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try {
                if (Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(q);
                        }
                    }
                } else {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (IOException | java.io.UncheckedIOException e) {
                if (attempt >= 4) {
                    throw e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
                }
            }
        }
    }
}

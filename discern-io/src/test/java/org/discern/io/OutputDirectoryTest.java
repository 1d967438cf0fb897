package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputDirectory}: whole or nothing, no replacing without leave, never around an input. */
class OutputDirectoryTest {
    @TempDir
    Path dir;

    private static OutputDirectory.Content file(String name, String text) {
        return d -> Files.writeString(d.resolve(name), text);
    }

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private OutputException refused(Path target, boolean replace, Path... inputs) {
        OutputException e = assertThrows(OutputException.class,
                () -> OutputDirectory.write(target, replace, "test", file("new.txt", "new"), inputs));
        assertTrue(e.refused(), e.getMessage());
        return e;
    }

    @Test
    void writesAWholeDirectoryWithItsMarker() throws IOException {
        Path out = dir.resolve("a/b/report");
        assertEquals(out.toAbsolutePath().normalize(), OutputDirectory.write(out, false, "report", file("x.txt", "x")));
        assertEquals(List.of(".discern", "x.txt"), names(out));
        assertTrue(Files.readString(out.resolve(".discern")).contains("written by discern (report)"));
        assertEquals(List.of("report"), names(out.getParent()));
    }

    @Test
    void replacesOnlyWithLeaveAndOnlyADirectoryDiscernWroteOrAnEmptyOne() throws IOException {
        Path out = dir.resolve("out");
        OutputDirectory.write(out, false, "test", file("old.txt", "old"));
        assertTrue(refused(out, false).getMessage().endsWith("out: exists; use --force to replace it"));
        assertEquals(List.of(".discern", "old.txt"), names(out));
        OutputDirectory.write(out, true, "test", file("new.txt", "new"));
        assertEquals(List.of(".discern", "new.txt"), names(out));

        Path empty = Files.createDirectory(dir.resolve("empty"));
        OutputDirectory.write(empty, true, "test", file("new.txt", "new"));
        assertEquals(List.of(".discern", "new.txt"), names(empty));

        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "years of work");
        assertTrue(refused(mine, true).getMessage().contains("is not a directory written by discern"));
        assertEquals(List.of("thesis.tex"), names(mine));

        Path text = Files.writeString(dir.resolve("existing.txt"), "text");
        assertTrue(refused(text, true).getMessage().endsWith("exists and is not a directory; choose another name"));
        assertEquals("text", Files.readString(text));

        Path link = Files.createSymbolicLink(dir.resolve("link"), out);
        assertTrue(refused(link, true).getMessage().contains("is a symbolic link"));
        assertTrue(Files.isSymbolicLink(link));

        assertTrue(refused(Path.of("/dev/null"), true).getMessage().contains("not a directory"));
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isDirectory(Path.of("/dev/null")));
        assertEquals(List.of("empty", "existing.txt", "link", "mine", "out"), names(dir));
    }

    @Test
    void neverReplacesADirectoryHoldingAnInputHoweverItIsReached() throws IOException {
        Path out = dir.resolve("out");
        OutputDirectory.write(out, false, "test", file("x.txt", "x"));
        Path in = Files.writeString(out.resolve("in.csv"), "label,score\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in);
        Path viaFolder = Files.createSymbolicLink(dir.resolve("alias"), out);
        for (Path input : List.of(in, link, viaFolder.resolve("in.csv"), out)) {
            assertTrue(refused(out, true, input).getMessage().contains("contains the input"), input.toString());
            assertTrue(refused(viaFolder.resolve("."), true, input).refused());
        }
        // an ancestor of the input, and a target inside an input folder
        assertTrue(refused(dir, true, in).getMessage().contains("contains the input"));
        Path images = Files.createDirectory(dir.resolve("images"));
        assertTrue(refused(images.resolve("run"), false, images).getMessage().contains("input folder"));
        assertEquals("label,score\n", Files.readString(in));
        assertEquals(List.of(".discern", "in.csv", "x.txt"), names(out));
        assertEquals(List.of("alias", "images", "link.csv", "out"), names(dir));
    }

    @Test
    void aFailureLeavesTheOldDirectoryAndNothingElse() throws IOException {
        Path out = dir.resolve("out");
        OutputDirectory.write(out, false, "test", file("old.txt", "old"));
        IOException e = assertThrows(IOException.class, () -> OutputDirectory.write(out, true, "test", d -> {
            Files.writeString(d.resolve("half.txt"), "half");
            throw new InputException("in.csv", 3, "score", "not a number");
        }));
        assertEquals("in.csv:3: column 'score': not a number", e.getMessage());
        OutputException w = assertThrows(OutputException.class, () -> OutputDirectory.write(out, true, "test", d -> {
            throw new java.nio.file.FileSystemException(d.resolve("charts/roc.png").toString(), null,
                    "No space left on device");
        }));
        assertFalse(w.refused());
        assertEquals(out.resolve("charts/roc.png") + ": No space left on device", w.getMessage());
        assertEquals(List.of("out"), names(dir));
        assertEquals(List.of(".discern", "old.txt"), names(out));
        assertEquals(0, PendingOutputs.open());
    }

    @Test
    void anInterruptWhileWritingRemovesTheStagingDirectory() throws IOException {
        Path out = dir.resolve("out");
        assertThrows(IOException.class, () -> OutputDirectory.write(out, false, "test", d -> {
            Files.writeString(d.resolve("a.txt"), "a");
            assertEquals(1, names(dir).size(), "the staging directory exists now");
            PendingOutputs.rollBackAll();
            Files.writeString(d.resolve("b.txt"), "b");
        }));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void ofConcurrentRunsWithoutLeaveExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path out = dir.resolve("same" + round);
            int n = 4;
            CyclicBarrier start = new CyclicBarrier(n);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String id = "run " + i;
                    runs.add(pool.submit(() -> {
                        start.await();
                        try {
                            OutputDirectory.write(out, false, "test", d -> {
                                Files.writeString(d.resolve("who.txt"), id);
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                            return "won";
                        } catch (OutputException e) {
                            return e.refused() ? e.reason() : "failed: " + e.getMessage();
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> f : runs) {
                    results.add(f.get());
                }
                assertEquals(1, results.stream().filter("won"::equals).count(), results.toString());
                assertEquals(n - 1, results.stream().filter("exists; use --force to replace it"::equals).count(),
                        results.toString());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(".discern", "who.txt"), names(out));
        }
        assertEquals(List.of("same0", "same1", "same2", "same3", "same4"), names(dir));
    }
}

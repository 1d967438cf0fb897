package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFiles}: never over an input, devices and FIFOs as streams, all files or none. */
class OutputFilesTest {
    @TempDir
    Path dir;

    private Path input() throws IOException {
        Path in = dir.resolve("data").resolve("in.csv");
        Files.createDirectories(in.getParent());
        Files.writeString(in, "label,score\n1,0.9\n");
        return in;
    }

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private OutputException refused(Path target, Path... inputs) {
        OutputException e = assertThrows(OutputException.class, () -> OutputFiles.write(target, w -> w.write("x"), inputs));
        assertTrue(e.refused(), e.getMessage());
        assertEquals(target.toString(), e.path());
        return e;
    }

    @Test
    void refusesTheInputByPathRealPathAndIdentity() throws IOException {
        Path in = input();
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), in);
        Path hard = Files.createLink(dir.resolve("hard.csv"), in);
        Path folderLink = Files.createSymbolicLink(dir.resolve("folder"), in.getParent());
        for (Path target : List.of(in, dir.resolve("data/./in.csv"), link, hard, folderLink.resolve("in.csv"))) {
            OutputException e = refused(target, in);
            assertTrue(e.getMessage().contains("refusing to write over the input file " + in), e.getMessage());
        }
        // and the other way round: the input given through a link, the target is the real file
        assertTrue(refused(in, link).getMessage().contains("refusing to write over the input file"));
        assertTrue(refused(in, hard).getMessage().contains("refusing to write over the input file"));
        // a folder input protects everything inside it
        assertTrue(refused(in.resolveSibling("new.csv"), in.getParent()).getMessage()
                .contains("refusing to write into the input folder"));
        assertEquals("label,score\n1,0.9\n", Files.readString(in));
        assertEquals(List.of("in.csv"), names(in.getParent()));
        assertEquals(List.of("data", "folder", "hard.csv", "link.csv"), names(dir));
    }

    @Test
    void replacesARegularFileWholeAndKeepsASymbolicLinkToIt() throws IOException {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        OutputFiles.write(link, w -> w.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("link.csv", "real.csv"), names(dir));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(real)));
    }

    @Test
    void refusesDirectoriesDanglingLinksAndSeveralFilesOntoDevices() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertTrue(refused(sub).getMessage().endsWith(": is a directory; give a file name"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertTrue(refused(dangling).getMessage().contains("symbolic link to nothing"));
        OutputException e = assertThrows(OutputException.class, () -> OutputFiles.protecting()
                .text(dir.resolve("a.csv"), w -> w.write("a")).text(Path.of("/dev/null"), w -> w.write("b")).commit());
        assertTrue(e.refused() && e.getMessage().contains("needs regular files"), e.getMessage());
        assertEquals(List.of("dangling", "sub"), names(dir));
        assertTrue(Files.isDirectory(sub));
    }

    @Test
    void aRefusedTargetStopsTheWholeOutputBeforeAnyByte() throws IOException {
        Path in = input();
        Path out = dir.resolve("out");
        OutputException e = assertThrows(OutputException.class, () -> OutputFiles.protecting(in)
                .text(out.resolve("roc.csv"), w -> w.write("roc"))
                .text(in, w -> w.write("pr"))
                .commit());
        assertTrue(e.refused());
        assertFalse(Files.exists(out), "nothing written, not even the folder");
        assertEquals("label,score\n1,0.9\n", Files.readString(in));
    }

    @Test
    void aFailureMidwayLeavesTheOldFilesAndNoTemporaryFile() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("roc.csv"), "old roc");
        IOException e = assertThrows(IOException.class, () -> OutputFiles.protecting()
                .text(out.resolve("roc.csv"), w -> w.write("new roc"))
                .text(out.resolve("pr.csv"), w -> {
                    w.write("half of pr");
                    throw new IOException("reading the input failed");
                })
                .text(out.resolve("det.csv"), w -> w.write("det"))
                .commit());
        assertEquals("reading the input failed", e.getMessage());
        assertEquals(List.of("roc.csv"), names(out));
        assertEquals("old roc", Files.readString(out.resolve("roc.csv")));
        // folders created for an output that failed are removed again
        Path deep = dir.resolve("a/b/c");
        assertThrows(IOException.class, () -> OutputFiles.write(deep.resolve("x.csv"), w -> {
            throw new IOException("boom");
        }));
        assertFalse(Files.exists(dir.resolve("a")));
        assertEquals(0, PendingOutputs.open());
    }

    @Test
    void devicesAreWrittenAsStreamsAndNeverReplaced() throws IOException {
        OutputFiles.write(Path.of("/dev/null"), w -> w.write("discarded"));
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
        OutputException full = assertThrows(OutputException.class,
                () -> OutputFiles.write(Path.of("/dev/full"), w -> w.write("x".repeat(100_000))));
        assertFalse(full.refused());
        assertEquals("/dev/full: No space left on device", full.getMessage());
        assertFalse(Files.isRegularFile(Path.of("/dev/full")));
    }

    @Test
    void aFifoIsWrittenAsAStream() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        OutputFiles.write(fifo, w -> w.write("through the pipe\n"));
        assertEquals("through the pipe\n", read.get(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of("fifo"), names(dir));
    }

    @Test
    void anInterruptWhileWritingRemovesTheTemporaryFiles() throws IOException {
        Path out = dir.resolve("out.csv");
        // what the shutdown hook does on SIGINT/SIGTERM, while the second file is being written
        assertThrows(OutputException.class, () -> OutputFiles.protecting()
                .text(dir.resolve("first.csv"), w -> w.write("first"))
                .text(out, w -> {
                    w.write("x".repeat(1 << 17));
                    w.flush();
                    assertEquals(2, names(dir).size(), "two temporary files exist now");
                    PendingOutputs.rollBackAll();
                    w.write("more");
                })
                .commit());
        assertEquals(List.of(), names(dir));
        assertEquals(0, PendingOutputs.open());
    }

    @Test
    void textIsUtf8() throws IOException {
        Path out = dir.resolve("t.txt");
        AtomicFiles.writeString(out, "ğış\n");
        assertEquals("ğış\n", Files.readString(out, StandardCharsets.UTF_8));
    }
}

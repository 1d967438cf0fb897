package org.discern.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of one command, compared with output targets by identity: the path as given
 * (absolute, normalised), the real path (symbolic links resolved) and the file itself
 * ({@link Files#isSameFile}: hard links). A directory input (a model folder, an image folder)
 * protects everything inside it.
 */
final class InputGuard {
    private record Input(Path given, Path lexical, Path real, boolean directory) {
    }

    private final List<Input> inputs;

    private InputGuard(List<Input> inputs) {
        this.inputs = inputs;
    }

    /** The inputs; nulls are skipped. */
    static InputGuard of(Path... paths) {
        List<Input> list = new ArrayList<>();
        for (Path p : paths) {
            if (p != null) {
                list.add(new Input(p, lexical(p), real(p), Files.isDirectory(p)));
            }
        }
        return new InputGuard(list);
    }

    /** Refuses a file target that is an input, reaches one through links, or lies in an input folder. */
    void checkFile(Path target) throws OutputException {
        Path lexical = lexical(target);
        Path real = real(target);
        for (Input in : inputs) {
            if (in.lexical.equals(lexical) || in.real.equals(real) || sameFile(in.given, target)) {
                throw OutputException.refused(target, "refusing to write over the input file " + in.given);
            }
            if (in.directory && (lexical.startsWith(in.lexical) || real.startsWith(in.real))) {
                throw OutputException.refused(target, "refusing to write into the input folder " + in.given);
            }
        }
    }

    /**
     * Refuses a directory target that is an input, holds one (also when the input is reached
     * through a symbolic link from elsewhere, or the link itself lies inside), or lies in an
     * input folder.
     */
    void checkDirectory(Path target) throws OutputException {
        Path lexical = lexical(target);
        Path real = real(target);
        for (Input in : inputs) {
            if (in.lexical.startsWith(lexical) || in.real.startsWith(real) || in.lexical.startsWith(real)
                    || in.real.startsWith(lexical) || sameFile(in.given, target)) {
                throw OutputException.refused(target, "contains the input " + in.given + "; choose another --out");
            }
            if (in.directory && (lexical.startsWith(in.lexical) || real.startsWith(in.real))) {
                throw OutputException.refused(target, "refusing to write into the input folder " + in.given);
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Path lexical(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /**
     * The real path; for a path that does not exist (yet), the real path of its deepest existing
     * ancestor followed by the rest.
     */
    static Path real(Path p) {
        Path abs = lexical(p);
        Path rest = null;
        for (Path q = abs; q != null; q = q.getParent()) {
            try {
                Path r = q.toRealPath();
                return rest == null ? r : r.resolve(rest);
            } catch (IOException | SecurityException e) {
                Path name = q.getFileName();
                if (name == null) {
                    break;
                }
                rest = rest == null ? name : name.resolve(rest);
            }
        }
        return abs;
    }

    /** Whether {@code p} exists without following a final symbolic link. */
    static boolean present(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}

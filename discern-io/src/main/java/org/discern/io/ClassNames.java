package org.discern.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class (or label) names: read from a text file with one name per line ({@code --class-names
 * names.txt}), or the defaults "0".."K-1".
 */
public final class ClassNames {
    private ClassNames() {
    }

    /**
     * The names in {@code file}, one per line, in order. The file is UTF-8 (a leading byte order
     * mark is ignored); each line is stripped of surrounding white space; blank lines at the end
     * are ignored.
     *
     * @throws InputException when the file holds no name, has a blank line between names, repeats
     *         a name (both lines are given) or is not UTF-8
     */
    public static List<String> read(Path file) throws IOException {
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InputException(source, 0, null, "no such file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InputException(source, 0, null, "expected UTF-8 text, one class name per line", e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--;
        }
        if (last == 0) {
            throw new InputException(source, 0, null, "expected one class name per line, found no names");
        }
        List<String> names = new ArrayList<>(last);
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < last; i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty()) {
                throw new InputException(source, i + 1, null, "expected a class name, found a blank line");
            }
            Integer before = lineOf.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new InputException(source, i + 1, null, "class name '" + name + "' repeats line " + before
                        + "; expected distinct names");
            }
            names.add(name);
        }
        return Collections.unmodifiableList(names);
    }

    /** The default names "0", "1", ..., "k-1". */
    public static List<String> defaults(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        return Collections.unmodifiableList(names);
    }
}

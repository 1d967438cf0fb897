package org.discern.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocCurve;

/**
 * The curve files of a multi-class or multi-label evaluation, written into one directory:
 * {@code roc_<class>.csv} and {@code pr_<class>.csv} per class (as {@link CurveCsv}),
 * {@code roc_micro.csv} (threshold,fpr,tpr), {@code roc_macro.csv} (fpr,tpr: the macro-average
 * curve has no thresholds) and {@code index.csv} mapping each class name to its files
 * ({@code curve,class,file}; class empty for the averages). A class without curves (absent from
 * the labels: its ROC and PR curves are undefined) gets no files; the index lists it with an empty
 * file.
 *
 * <p>Class names are made safe for file names ({@link #safeNames(List)}): every character other
 * than ASCII letters, digits, '-', '_' and '.' becomes '_', and names that would then collide
 * (also ignoring case, and with the reserved {@code micro} and {@code macro}) get a numeric
 * suffix. The index gives the original names.
 */
public final class ClassCurveFiles {
    private static final int MAX_NAME = 80;

    private ClassCurveFiles() {
    }

    /**
     * File-safe, pairwise distinct (case-insensitively) stems for the names, none equal to
     * {@code micro} or {@code macro}; deterministic, in input order.
     */
    public static List<String> safeNames(List<String> names) {
        Set<String> taken = new HashSet<>(List.of("micro", "macro"));
        List<String> out = new ArrayList<>();
        for (String name : names) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < name.length() && sb.length() < MAX_NAME; i++) {
                char ch = name.charAt(i);
                boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                        || ch == '-' || ch == '_' || ch == '.';
                sb.append(ok ? ch : '_');
            }
            String stem = sb.length() == 0 || sb.charAt(0) == '.' ? "_" + sb : sb.toString();
            String candidate = stem;
            for (int k = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); k++) {
                candidate = stem + "_" + k;
            }
            taken.add(candidate.toLowerCase(Locale.ROOT));
            out.add(candidate);
        }
        return out;
    }

    /**
     * Writes the files as one output: all of them or none (see {@link OutputFiles}).
     *
     * @param dir target directory (created if missing)
     * @param names class (or label) names, in order
     * @param roc ROC curve of each class, null for a class without curves
     * @param pr precision-recall curve of each class, null for a class without curves
     * @param micro the micro-average ROC curve
     * @param macro the macro-average ROC curve, or null when undefined (no file then)
     * @param inputs files never to overwrite
     * @return the files written, index last
     */
    public static List<Path> write(Path dir, List<String> names, List<RocCurve> roc, List<PrecisionRecallCurve> pr,
            RocCurve micro, RocCurve macro, Path... inputs) throws IOException {
        List<String> safe = safeNames(names);
        OutputFiles out = OutputFiles.protecting(inputs);
        StringBuilder index = new StringBuilder("curve,class,file\n");
        for (int c = 0; c < names.size(); c++) {
            String rocFile = "roc_" + safe.get(c) + ".csv";
            String prFile = "pr_" + safe.get(c) + ".csv";
            RocCurve r = roc.get(c);
            PrecisionRecallCurve p = pr.get(c);
            if (r != null) {
                out.text(dir.resolve(rocFile), w -> CurveCsv.roc(r, w));
            }
            if (p != null) {
                out.text(dir.resolve(prFile), w -> CurveCsv.pr(p, w));
            }
            index.append("roc,").append(quote(names.get(c))).append(',').append(r == null ? "" : rocFile).append('\n');
            index.append("pr,").append(quote(names.get(c))).append(',').append(p == null ? "" : prFile).append('\n');
        }
        out.text(dir.resolve("roc_micro.csv"), w -> CurveCsv.roc(micro, w));
        index.append("roc_micro,,roc_micro.csv\n");
        if (macro != null) {
            out.text(dir.resolve("roc_macro.csv"), w -> macro(macro, w));
            index.append("roc_macro,,roc_macro.csv\n");
        }
        String indexText = index.toString();
        out.text(dir.resolve("index.csv"), w -> w.write(indexText));
        return out.commit();
    }

    private static void macro(RocCurve c, Writer w) throws IOException {
        w.write("fpr,tpr\n");
        for (int i = 0; i < c.size(); i++) {
            w.write(CurveCsv.format(c.fpr(i)));
            w.write(',');
            w.write(CurveCsv.format(c.tpr(i)));
            w.write('\n');
        }
    }

    /** RFC 4180 quoting when needed. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

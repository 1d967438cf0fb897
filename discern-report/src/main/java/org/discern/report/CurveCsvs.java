package org.discern.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.discern.metrics.OperatingPoints;
import org.discern.report.internal.Fmt;

/**
 * The report's curve CSVs under {@code curves/}: per selectable curve of the page, its ROC and PR
 * rows from core's operating points (every distinct score, or the page's embedded rows above
 * {@link #CSV_FULL_MAX}), and {@code classes.csv} naming the files of a multi-class page.
 */
final class CurveCsvs {
    /** Distinct scores above which a curve CSV holds the embedded rows instead of every point. */
    static final int CSV_FULL_MAX = 200_000;

    private CurveCsvs() {
    }

    static void write(PageModel m, Path curves) throws IOException {
        List<PageModel.PageCurve> tables = m.selectable();
        if (!m.binary()) {
            try (Writer w = Files.newBufferedWriter(curves.resolve("classes.csv"), StandardCharsets.UTF_8)) {
                w.write("index,class\n");
                for (int i = 0; i < tables.size(); i++) {
                    w.write(i + "," + csv(tables.get(i).name()) + "\n");
                }
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            m.b.progress.step("writing curves", i, tables.size());
            PageModel.PageCurve t = tables.get(i);
            String suffix = m.binary() ? "" : String.format(java.util.Locale.ROOT, "-%02d", i);
            OperatingPoints op = t.op();
            int[] rows = op.size() > CSV_FULL_MAX ? t.rows() : null;
            int n = rows == null ? op.size() : rows.length;
            try (Writer roc = Files.newBufferedWriter(curves.resolve("roc" + suffix + ".csv"), StandardCharsets.UTF_8);
                    Writer pr = Files.newBufferedWriter(curves.resolve("pr" + suffix + ".csv"), StandardCharsets.UTF_8)) {
                roc.write("threshold,fpr,tpr,tp,fp\ninf,0,0,0,0\n");
                pr.write("threshold,precision,recall\ninf,1,0\n");
                StringBuilder line = new StringBuilder(96);
                for (int k = 0; k < n; k++) {
                    int r = rows == null ? k : rows[k];
                    org.discern.metrics.ConfusionMatrix cm = op.confusionAtIndex(r);
                    String thr = Double.toString(op.threshold(r));
                    line.setLength(0);
                    line.append(thr).append(',').append(Fmt.json(cm.falsePositiveRate())).append(',')
                            .append(Fmt.json(cm.recall())).append(',').append(Fmt.json(cm.tp())).append(',')
                            .append(Fmt.json(cm.fp())).append('\n');
                    roc.append(line);
                    line.setLength(0);
                    // precision written as 0 where nothing is flagged (0/0), as before
                    double precision = cm.tp() + cm.fp() == 0 ? 0 : cm.precision();
                    line.append(thr).append(',').append(Fmt.json(precision)).append(',')
                            .append(Fmt.json(cm.recall())).append('\n');
                    pr.append(line);
                }
            }
        }
        m.b.progress.step("writing curves", tables.size(), tables.size());
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

package org.discern.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reference values computed by scikit-learn or R for the numeric decisions of issue 11, kept in
 * test resources under {@code reference/} beside the scripts that made them (see
 * {@code reference/ORIGIN.md}).
 */
public final class References {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private References() {
    }

    private static InputStream open(String name) {
        InputStream in = References.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IllegalStateException("no reference file " + name);
        }
        return in;
    }

    /** The rows of a numeric CSV with a header line (R's "Inf" and "-Inf" allowed). */
    public static List<double[]> csv(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            r.readLine();
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = Double.parseDouble(cells[i].trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed JSON reference file. */
    public static JsonNode json(String name) {
        try (InputStream in = open(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

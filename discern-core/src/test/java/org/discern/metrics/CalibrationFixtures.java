package org.discern.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Loads the calibration golden files (scikit-learn 1.2.1, see calibration/ORIGIN.md). */
final class CalibrationFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CalibrationFixtures() {
    }

    static JsonNode json(String name) {
        try (InputStream in = CalibrationFixtures.class.getResourceAsStream("/calibration/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no calibration fixture " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

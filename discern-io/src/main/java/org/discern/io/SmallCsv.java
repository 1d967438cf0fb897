package org.discern.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * A small delimited settings file (a cost matrix, class priors) read whole: UTF-8 with an
 * optional byte-order mark, comma-separated, or tab-separated when its first line holds tabs and
 * no commas; RFC 4180 quoting (FastCSV); empty lines skipped. At most {@link #MAX_BYTES} bytes.
 * Fields are stripped of surrounding white space. Numbers take the plain decimal syntax only.
 */
final class SmallCsv {
    /** The largest settings file read, in bytes (a 1,000 x 1,000 cost matrix is about 10 MB). */
    static final long MAX_BYTES = 32L << 20;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,5})?");

    /** One record: its 1-based starting line and its stripped fields. */
    record Row(long line, List<String> fields) {
    }

    private SmallCsv() {
    }

    /** The text of {@code path}, refused with an {@link InputException} when absent, not a file, too big or not UTF-8. */
    static String text(Path path) throws InputException {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(name, 0, null, "expected a file, found a directory");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new InputException(name, 0, null, "expected at most " + MAX_BYTES + " bytes, found " + size);
            }
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "no such file", e);
        } catch (CharacterCodingException e) {
            throw new InputException(name, 0, null, "expected UTF-8 text, found bytes that are not", e);
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The non-empty records of {@code text}. */
    static List<Row> rows(String text, String name) throws InputException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int eol = t.indexOf('\n');
        String first = eol < 0 ? t : t.substring(0, eol);
        char sep = first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(sep).skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .detectBomHeader(false).ofCsvRecord(t)) {
            for (CsvRecord r : csv) {
                List<String> fields = new ArrayList<>(r.getFieldCount());
                for (String f : r.getFields()) {
                    fields.add(f.strip());
                }
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                rows.add(new Row(r.getStartingLineNumber(), fields));
            }
        } catch (CsvParseException e) {
            throw new InputException(name, 0, null, "expected CSV text, found " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        }
        return rows;
    }

    /** A plain decimal number, finite (no NaN, infinity, hex or type suffix). */
    static double number(String file, Row row, String column, String field) throws InputException {
        if (field.isEmpty()) {
            throw new InputException(file, row.line(), column, "expected a number, found an empty field");
        }
        if (!DECIMAL.matcher(field).matches()) {
            throw new InputException(file, row.line(), column, "expected a number, found '" + field + "'");
        }
        double v = Double.parseDouble(field);
        if (!Double.isFinite(v)) {
            throw new InputException(file, row.line(), column, "expected a finite number, found '" + field + "'");
        }
        return v;
    }
}

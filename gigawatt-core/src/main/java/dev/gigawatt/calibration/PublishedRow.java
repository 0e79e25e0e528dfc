package dev.gigawatt.calibration;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a published-measurements file ({@code calibration/training.csv}): the value, its unit and
 * where it comes from.
 */
public record PublishedRow(
        String id, String quantity, double value, String unit, String hardware, String source, String notes) {

    /** The rows of a calibration CSV resource by id, in file order. */
    public static Map<String, PublishedRow> read(String resource) {
        Map<String, PublishedRow> rows = new LinkedHashMap<>();
        try (InputStream in = PublishedRow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calibration resource missing: " + resource);
            }
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
                for (NamedCsvRecord row : csv) {
                    PublishedRow published = of(row, resource);
                    rows.put(published.id(), published);
                }
            }
        } catch (CsvParseException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static PublishedRow of(NamedCsvRecord row, String resource) {
        String value = row.getField("value");
        try {
            return new PublishedRow(
                    row.getField("id"),
                    row.getField("quantity"),
                    Double.parseDouble(value),
                    row.getField("unit"),
                    row.getField("hardware"),
                    row.getField("source"),
                    row.getField("notes"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    resource + " line " + row.getStartingLineNumber() + ": value '" + value + "' is not a number", e);
        }
    }
}

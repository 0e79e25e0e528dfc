package dev.gigawatt.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = parse(reader.readLine());
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = parse(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.put(
                        row.get("id"),
                        new PublishedRow(
                                row.get("id"),
                                row.get("quantity"),
                                Double.parseDouble(row.get("value")),
                                row.get("unit"),
                                row.get("hardware"),
                                row.get("source"),
                                row.get("notes")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /*
     * Hand-written because core has no CSV dependency and the calibration files use only RFC 4180 quoted
     * fields on single lines.
     */
    static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

package dev.gigawatt.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gigawatt.sim.SimulationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a simulation as CSV files with FastCSV (RFC 4180: CRLF, quoting where needed; UTF-8,
 * header row, numbers as Java writes doubles: shortest round-tripping form, '.' decimals, possibly
 * with an exponent) plus the JSON
 * summary, documented column by column in docs/simulator.md. Files are written into a temporary
 * sibling directory that is renamed into place at the end, so a failed run leaves nothing behind.
 */
public final class CsvResultWriter implements ResultWriter {
    @Override
    public void write(SimulationResult r, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "output directory already exists");
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
        try {
            writeFiles(r, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(temp)) {
                try (Stream<Path> files = Files.walk(temp)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * Writes the files straight into {@code dir}, an existing folder, for callers that stage the
     * folder themselves (the CLI moves it into place only after the run is recorded).
     */
    public void writeFiles(SimulationResult r, Path dir) throws IOException {
        for (ResultTables.Table<?> table : ResultTables.SIMULATION) {
            write(r, table, dir.resolve(table.name() + ".csv"));
        }
        Files.writeString(dir.resolve("summary.json"), SimulationJson.write(r), StandardCharsets.UTF_8);
    }

    /** Writes {@code table}'s rows of {@code r} to {@code file}: the header row, then one record per row. */
    static <R> void write(SimulationResult r, ResultTables.Table<R> table, Path file) throws IOException {
        List<ResultTables.Column<R>> columns = table.columns();
        String[] cells = new String[columns.size()];
        try (CsvWriter w = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            w.writeRecord(table.columnNames());
            for (R row : table.rows().apply(r)) {
                for (int c = 0; c < cells.length; c++) {
                    ResultTables.Column<R> column = columns.get(c);
                    cells[c] = cell(column.type(), column.value().apply(row));
                }
                w.writeRecord(cells);
            }
        }
    }

    private static String cell(ResultTables.Type type, Object value) {
        return switch (type) {
            case DOUBLE -> num(((Number) value).doubleValue());
            case INTEGER, BIGINT -> Long.toString(((Number) value).longValue());
            default -> String.valueOf(value);
        };
    }

    /** A number in a locale-independent, round-trippable form; NaN becomes an empty cell. */
    private static String num(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}

package dev.gigawatt.results;

import java.util.Locale;

/** A file format a run's tables are exported in, written by DuckDB's {@code COPY ... TO}. */
public enum ExportFormat {
    /** Apache Parquet, the columns typed. */
    PARQUET("Parquet", "(FORMAT PARQUET)"),
    /** CSV with a header line, RFC 4180 quoting. */
    CSV("CSV", "(FORMAT CSV, HEADER true)"),
    /** One JSON array of objects, a member per column. */
    JSON("JSON", "(FORMAT JSON, ARRAY true)");

    private final String label;
    private final String copyOptions;

    ExportFormat(String label, String copyOptions) {
        this.label = label;
        this.copyOptions = copyOptions;
    }

    /** The format's usual name: {@code Parquet}, {@code CSV}, {@code JSON}. */
    @Override
    public String toString() {
        return label;
    }

    /** The file name extension, without the dot: {@code parquet}, {@code csv}, {@code json}. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The options of the {@code COPY} statement that writes it. */
    String copyOptions() {
        return copyOptions;
    }
}

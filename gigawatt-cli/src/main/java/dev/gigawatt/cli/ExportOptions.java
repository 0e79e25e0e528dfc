package dev.gigawatt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a run's tables are exported as Parquet: {@code --export DIR} and {@code --force}. */
final class ExportOptions {
    @Option(
            names = "--export",
            paramLabel = "DIR",
            description = "Also export the run's tables as Parquet files into DIR (created if needed; existing"
                    + " files of the same names are refused unless --force).")
    Path export;

    @Option(names = "--force", description = "Replace existing Parquet files in the --export folder.")
    boolean force;
}

package dev.gigawatt.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code plan} and {@code simulate} keep their results: the database and the HTML report. */
final class RecordOptions {
    @Mixin
    DbOptions db = new DbOptions();

    @Option(names = "--no-db", description = "Do not record the run in the results database.")
    boolean noDb;

    @Option(names = "--no-report", description = "Do not write the HTML report.")
    boolean noReport;
}

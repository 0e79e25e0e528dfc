package dev.gigawatt.cli;

import dev.gigawatt.report.SweepJson;
import dev.gigawatt.sweep.SweepResult;
import picocli.CommandLine.Option;

/** How {@code sweep} and {@code import} print a sweep's summary: {@code -f table|json}. */
final class SweepSummaryOptions {
    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Summary format: table or json (default: ${DEFAULT-VALUE}).")
    SummaryFormat format = SummaryFormat.table;

    /** The summary of {@code result} in the chosen format. */
    String render(SweepResult result) {
        return format == SummaryFormat.json ? SweepJson.write(result) : SweepCommand.table(result);
    }
}

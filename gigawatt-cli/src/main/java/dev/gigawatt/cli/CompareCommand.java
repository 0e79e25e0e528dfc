package dev.gigawatt.cli;

import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunComparison;
import dev.gigawatt.results.RunSummary;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gigawatt compare ID1 ID2 [...]}: KPIs side by side, with differences and ratios to the first run. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare the KPIs of two or more runs: values side by side, difference and ratio to the first.")
final class CompareCommand extends StoreCommand {
    @Parameters(
            arity = "2..*",
            paramLabel = "ID",
            description = "Run ids (or unique prefixes); the first is the baseline.")
    List<String> ids;

    @Override
    public Integer call() {
        try (ResultsStore store = db.open(true)) {
            List<RunSummary> runs = new ArrayList<>();
            for (String id : ids) {
                runs.add(RunsCommand.find(store, id));
            }
            RunComparison c = RunComparison.of(store, runs);
            List<String> header = new ArrayList<>(List.of("KPI", "unit"));
            for (RunSummary r : runs) {
                header.add(r.runId() + " (" + r.kind() + ")");
            }
            for (int i = 1; i < runs.size(); i++) {
                header.add("Δ " + (i + 1) + "−1");
                header.add("× " + (i + 1) + "/1");
            }
            TextTable t = new TextTable(header.toArray(String[]::new)).leftAlign(1);
            for (RunComparison.Row kpi : c.rows()) {
                List<String> row = new ArrayList<>(List.of(kpi.name(), kpi.unit()));
                for (double v : kpi.values()) {
                    row.add(value(v));
                }
                for (int i = 0; i < kpi.differences().length; i++) {
                    row.add(value(kpi.differences()[i]));
                    row.add(Double.isNaN(kpi.ratios()[i]) ? "n/a" : Format.number(kpi.ratios()[i], 3));
                }
                t.row(row.toArray(String[]::new));
            }
            spec.commandLine().getOut().print(t.render());
        }
        return 0;
    }

    /** A KPI value for people: 4 significant decimals for shares and small numbers, separators for large. */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v) ? Format.integer(v) : Format.number(v, 4);
    }
}

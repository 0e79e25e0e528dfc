package dev.gigawatt.cli;

import dev.gigawatt.report.Format;
import dev.gigawatt.report.Kpis;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gigawatt compare ID1 ID2 [...]}: KPIs side by side, with differences and ratios to the first run. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare the KPIs of two or more runs: values side by side, difference and ratio to the first.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(
            arity = "2..*",
            paramLabel = "ID",
            description = "Run ids (or unique prefixes); the first is the baseline.")
    List<String> ids;

    @Mixin
    DbOptions db = new DbOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (ResultsStore store = db.open(true)) {
            List<RunSummary> runs = new ArrayList<>();
            List<Map<String, Kpis.Kpi>> values = new ArrayList<>();
            Map<String, String> units = new LinkedHashMap<>();
            for (String id : ids) {
                RunSummary r = RunsCommand.find(store, id);
                runs.add(r);
                Map<String, Kpis.Kpi> m = new LinkedHashMap<>();
                for (Kpis.Kpi k : store.kpis(r.runId())) {
                    m.put(k.name(), k);
                    units.putIfAbsent(k.name(), k.unit());
                }
                values.add(m);
            }
            List<String> header = new ArrayList<>(List.of("KPI", "unit"));
            for (RunSummary r : runs) {
                header.add(r.runId() + " (" + r.kind() + ")");
            }
            for (int i = 1; i < runs.size(); i++) {
                header.add("Δ " + (i + 1) + "−1");
                header.add("× " + (i + 1) + "/1");
            }
            TextTable t = new TextTable(header.toArray(String[]::new)).leftAlign(1);
            for (Map.Entry<String, String> kpi : units.entrySet()) {
                List<String> row = new ArrayList<>(List.of(kpi.getKey(), kpi.getValue()));
                double base = get(values.get(0), kpi.getKey());
                for (Map<String, Kpis.Kpi> m : values) {
                    row.add(value(get(m, kpi.getKey())));
                }
                for (int i = 1; i < values.size(); i++) {
                    double v = get(values.get(i), kpi.getKey());
                    row.add(value(v - base));
                    row.add(
                            base != 0 && Double.isFinite(base) && Double.isFinite(v)
                                    ? Format.number(v / base, 3)
                                    : "n/a");
                }
                t.row(row.toArray(String[]::new));
            }
            spec.commandLine().getOut().print(t.render());
        }
        return 0;
    }

    private static double get(Map<String, Kpis.Kpi> m, String name) {
        Kpis.Kpi k = m.get(name);
        return k == null ? Double.NaN : k.value();
    }

    /** A KPI value for people: 4 significant decimals for shares and small numbers, separators for large. */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v) ? Format.integer(v) : Format.number(v, 4);
    }
}

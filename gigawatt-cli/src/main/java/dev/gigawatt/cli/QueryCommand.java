package dev.gigawatt.cli;

import dev.gigawatt.report.TextTable;
import dev.gigawatt.results.QueryResult;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gigawatt query "SQL"}: read-only SQL against the results database. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description =
                "Run read-only SQL against the results database (tables: runs, kpis, site_hourly, jobs, job_events,"
                        + " services, sources; see docs/results.md).")
final class QueryCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        table,
        csv,
        json
    }

    @Parameters(paramLabel = "SQL", description = "The query.")
    String sql;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    DbOptions db = new DbOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        QueryResult r;
        try (ResultsStore store = db.open(true)) {
            r = store.query(sql);
        } catch (StoreException e) {
            throw new UserException("query failed: " + e.getMessage(), GigawattCli.EXIT_BAD_INPUT);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case table -> {
                TextTable t = new TextTable(r.columns().toArray(String[]::new));
                for (List<String> row : r.rows()) {
                    t.row(row.stream().map(v -> v == null ? "NULL" : v).toArray(String[]::new));
                }
                out.print(t.render());
                out.println("(" + r.rows().size() + (r.rows().size() == 1 ? " row)" : " rows)"));
            }
            case csv -> {
                out.println(String.join(
                        ",", r.columns().stream().map(QueryCommand::csv).toList()));
                for (List<String> row : r.rows()) {
                    out.println(String.join(
                            ",", row.stream().map(v -> v == null ? "" : csv(v)).toList()));
                }
            }
            case json -> out.print(json(r));
        }
        return 0;
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String json(QueryResult r) {
        java.io.StringWriter w = new java.io.StringWriter();
        try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (List<String> row : r.rows()) {
                g.writeStartObject();
                for (int i = 0; i < r.columns().size(); i++) {
                    g.writeStringField(r.columns().get(i), row.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w + System.lineSeparator();
    }
}

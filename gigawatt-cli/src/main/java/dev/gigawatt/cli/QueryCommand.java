package dev.gigawatt.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.results.QueryCancelledException;
import dev.gigawatt.results.QueryOutcome;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RowSink;
import dev.gigawatt.results.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gigawatt query "SQL"}: one read-only statement against the results database, bounded in time and rows. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Run one read-only SQL statement against the results database (tables: runs, kpis, site_hourly, jobs,"
                    + " job_events, services, sources; see docs/results.md).",
            "Allowed: SELECT, WITH, VALUES, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN and read-only PRAGMAs such as"
                    + " table_info; no other files, extensions or settings."
        })
final class QueryCommand extends StoreCommand {
    /** Output formats. */
    enum Format {
        table,
        csv,
        json
    }

    @Parameters(paramLabel = "SQL", description = "The statement.")
    String sql;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Print at most N rows, then say how many more there are; 0 prints all"
                    + " (default: ${DEFAULT-VALUE}). csv and json stream; table keeps the rows it prints in memory.")
    long limit;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Cancel the statement after this long, e.g. 30s, 5 min (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new UserException(
                    "--limit must be 0 (all rows) or a number of rows, got " + limit, GigawattCli.EXIT_BAD_INPUT);
        }
        PrintWriter out = spec.commandLine().getOut();
        Output output =
                switch (format) {
                    case table -> new Table(out);
                    case csv -> new Csv(out);
                    case json -> new Json(out);
                };
        QueryOutcome outcome;
        try (ResultsStore store = db.openForQuery()) {
            outcome = store.query(sql, limit, timeout, output);
        } catch (QueryCancelledException e) {
            out.flush();
            throw new UserException("query " + e.getMessage() + " (--timeout); narrow it or allow more time", 1);
        } catch (StoreException e) {
            throw new UserException("query failed: " + e.getMessage(), GigawattCli.EXIT_BAD_INPUT);
        }
        output.finish(outcome);
        if (outcome.truncated()) {
            // csv and json keep stdout a valid document: the note goes to stderr.
            PrintWriter note = format == Format.table ? out : spec.commandLine().getErr();
            note.println(moreRowsNote(outcome));
        }
        return 0;
    }

    private static String moreRowsNote(QueryOutcome outcome) {
        String hint = "--limit N shows more, --limit 0 all";
        if (!outcome.moreRowsCounted()) {
            return "… more rows not shown (counting them ran past --timeout; " + hint + ")";
        }
        return "… " + outcome.moreRows() + " more " + (outcome.moreRows() == 1 ? "row" : "rows") + " not shown (" + hint
                + ")";
    }

    /** A format: receives the rows as they stream, then ends the output. */
    private interface Output extends RowSink {
        void finish(QueryOutcome outcome);
    }

    /** The aligned table, which needs every row it prints before printing the first. */
    private static final class Table implements Output {
        private final PrintWriter out;
        private List<String> columns = List.of();
        private final List<String[]> rows = new ArrayList<>();

        Table(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void columns(List<String> names) {
            columns = names;
        }

        @Override
        public void row(List<Object> values) {
            rows.add(values.stream().map(v -> v == null ? "NULL" : v.toString()).toArray(String[]::new));
        }

        @Override
        public void finish(QueryOutcome outcome) {
            if (!columns.isEmpty()) {
                TextTable t = new TextTable(columns.toArray(String[]::new));
                rows.forEach(t::row);
                out.print(t.render());
            }
            String first = outcome.truncated() ? "first " : "";
            out.println("(" + first + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        }
    }

    /** CSV with a header line (RFC 4180 quoting, line feeds for the terminal), each row printed as it arrives. */
    private static final class Csv implements Output {
        private final CsvWriter csv;

        Csv(PrintWriter out) {
            // Never closed: closing it would close stdout.
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        }

        @Override
        public void columns(List<String> names) {
            csv.writeRecord(names);
        }

        @Override
        public void row(List<Object> values) {
            csv.writeRecord(
                    values.stream().map(v -> v == null ? "" : v.toString()).toList());
        }

        @Override
        public void finish(QueryOutcome outcome) {
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A JSON array of objects, values typed (numbers, booleans, null, text), each row written as it arrives. */
    private static final class Json implements Output {
        private final PrintWriter out;
        private final JsonGenerator g;
        private List<String> columns = List.of();

        Json(PrintWriter out) {
            this.out = out;
            try {
                this.g = new JsonFactory()
                        .createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .useDefaultPrettyPrinter();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void columns(List<String> names) {
            columns = names;
            write(() -> g.writeStartArray());
        }

        @Override
        public void row(List<Object> values) {
            write(() -> {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeFieldName(columns.get(i));
                    value(values.get(i));
                }
                g.writeEndObject();
            });
        }

        /** A value as its JSON type: numbers and booleans as such, NaN and infinities as null, the rest as text. */
        private void value(Object v) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof java.math.BigDecimal d) {
                g.writeNumber(d);
            } else if (v instanceof java.math.BigInteger n) {
                g.writeNumber(n);
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isFinite(d)) {
                    g.writeNumber(d);
                } else {
                    g.writeNull();
                }
            } else if (v instanceof Number n) {
                g.writeNumber(n.longValue());
            } else {
                g.writeString(v.toString());
            }
        }

        @Override
        public void finish(QueryOutcome outcome) {
            write(() -> {
                g.writeEndArray();
                g.close();
            });
            out.println();
        }

        /** A step of JSON writing. */
        @FunctionalInterface
        private interface JsonStep {
            void run() throws IOException;
        }

        private static void write(JsonStep step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

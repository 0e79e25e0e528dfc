package dev.gigawatt.cli;

import dev.gigawatt.metrics.Kpis;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunSummary;
import dev.gigawatt.results.StoreException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gigawatt runs}: lists, shows and removes recorded runs. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List the runs in the results database.",
        subcommands = {RunsCommand.Show.class, RunsCommand.Remove.class})
final class RunsCommand extends StoreCommand {
    /** Run times to the second in UTC: the microseconds the database keeps are noise in a listing. */
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() {
        try (ResultsStore store = db.open(true)) {
            TextTable t = new TextTable(
                            "run id", "kind", "scenario", "seed", "replication", "started (UTC)", "seconds", "status")
                    .leftAlign(1, 2, 5, 7);
            for (RunSummary r : store.runs()) {
                t.row(
                        r.runId(),
                        r.kind(),
                        r.scenario(),
                        String.valueOf(r.seed()),
                        String.valueOf(r.replication()),
                        SECONDS.format(r.started()),
                        String.format(
                                Locale.ROOT,
                                "%.1f",
                                (r.finished().toEpochMilli() - r.started().toEpochMilli()) / 1000.0),
                        r.status());
            }
            spec.commandLine().getOut().print(t.isEmpty() ? "No runs recorded in " + db.db + ".\n" : t.render());
        }
        return 0;
    }

    static RunSummary find(ResultsStore store, String id) {
        Optional<RunSummary> run;
        try {
            run = store.run(id);
        } catch (StoreException e) {
            throw new UserException(e.getMessage() + "; give more of the id", GigawattCli.EXIT_BAD_INPUT);
        }
        return run.orElseThrow(() -> new UserException(
                "no run '" + id + "' in " + store.file() + " (see 'gigawatt runs')", GigawattCli.EXIT_BAD_INPUT));
    }

    /** {@code gigawatt runs show ID}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a run: where it came from and its KPIs.")
    static final class Show extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "Run id (or a unique prefix).")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ResultsStore store = db.open(true)) {
                RunSummary r = find(store, id);
                out.println("run        " + r.runId());
                out.println("kind       " + r.kind());
                out.println("scenario   " + r.scenario() + " (" + r.scenarioFile() + ", SHA-256 " + r.scenarioSha256()
                        + ")");
                out.println("seed       " + r.seed() + ", replication " + r.replication());
                out.println("gigawatt   " + r.version());
                out.println("started    " + SECONDS.format(r.started()) + " UTC, finished "
                        + SECONDS.format(r.finished()) + " UTC, " + r.status());
                out.println();
                TextTable t = new TextTable("KPI", "value", "unit").leftAlign(2);
                for (Kpis.Kpi k : store.kpis(r.runId())) {
                    t.row(k.name(), CompareCommand.value(k.value()), k.unit());
                }
                out.print(t.render());
            }
            return 0;
        }
    }

    /** {@code gigawatt runs rm ID}. */
    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a run and all its rows.")
    static final class Remove extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "Run id (or a unique prefix).")
        String id;

        @Override
        public Integer call() {
            String runId;
            try (ResultsStore store = db.open(false)) {
                runId = find(store, id).runId();
                store.remove(runId);
            }
            spec.commandLine().getOut().println("Removed run " + runId + ".");
            return 0;
        }
    }
}

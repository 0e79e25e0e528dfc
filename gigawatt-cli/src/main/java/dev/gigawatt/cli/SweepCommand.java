package dev.gigawatt.cli;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.TextTable;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.results.RunSummary;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
import dev.gigawatt.sweep.LocalSweepEngine;
import dev.gigawatt.sweep.Summary;
import dev.gigawatt.sweep.SweepDesign;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepReader;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import dev.gigawatt.sweep.SweepValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gigawatt sweep FILE}: Monte Carlo and sensitivity sweeps over a scenario. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = "Run a sweep: every point of a grid or sample of uncertain inputs, each replicated, with summary"
                + " statistics, confidence intervals and a sensitivity (tornado) analysis.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Sweep file (YAML), or - for standard input; see docs/sweeps.md.")
    Path file;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Mixin
    SweepSummaryOptions summary = new SweepSummaryOptions();

    @Mixin
    ExportOptions export = new ExportOptions();

    @Option(names = "--no-progress", description = "Never draw the progress bar.")
    boolean noProgress;

    @Mixin
    RecordOptions record = new RecordOptions();

    @Option(
            names = "--resume",
            paramLabel = "RUN",
            description = "Continue the interrupted (partial) sweep RUN (an id or unique prefix) of the same sweep file"
                    + " and scenario: only the runs not yet recorded are run.")
    String resume;

    /** Finished runs are committed to the database in batches at most this far apart, ms. */
    private static final long BATCH_MILLIS = 2_000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 1) {
            throw new UserException("--threads must be at least 1, got " + threads, GigawattCli.EXIT_BAD_INPUT);
        }
        Instant started = Instant.now();
        String sweepText = Inputs.read(file);
        // A sweep read from standard input names its scenario relative to the working directory.
        Path folder = Inputs.isStdin(file)
                ? Path.of("").toAbsolutePath()
                : file.toAbsolutePath().getParent();
        SweepSpec sweep = SweepReader.parse(sweepText, Inputs.name(file), folder);
        String scenarioText =
                YamlDocument.readText(sweep.scenario(), sweep.origin().scenarioName());
        List<SweepPoint> points = SweepDesign.points(sweep);
        validate(sweep, scenarioText, points);
        if (resume != null && record.noDb) {
            throw new UserException("--resume needs the results database; drop --no-db", GigawattCli.EXIT_BAD_INPUT);
        }
        int total = points.size() * sweep.replications();
        try (Recorder recorder = Recorder.prepare(record, null, export.export, export.force)) {
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar bar = new ProgressBar(
                    err,
                    !noProgress && !GigawattCli.quiet(spec) && ProgressBar.stderrIsTerminal(),
                    "sweeping " + sweep.name());
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            LocalSweepEngine engine = new LocalSweepEngine(workers);
            String[] runId = {null};
            SweepResult result;
            if (record.noDb) {
                List<SweepRun> runs = engine.run(sweep, scenarioText, points, done -> {
                    synchronized (bar) {
                        bar.accept((double) done / total);
                    }
                });
                result = new SweepResult(sweep, points, runs);
            } else {
                result = streamIntoStore(engine, sweep, sweepText, scenarioText, points, started, bar, runId);
            }
            bar.finish();
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary.render(result));
            out.flush();
            PrintWriter info = GigawattCli.info(spec); // data on stdout; where the run went, on stderr
            if (!record.noDb) {
                info.println();
            }
            recorder.record(
                    file,
                    sweepText,
                    started,
                    (store, run, beforeCommit) -> {
                        store.finishSweep(runId[0], run.finished(), result, beforeCommit);
                        return runId[0];
                    },
                    info);
            info.flush();
        }
        return 0;
    }

    /**
     * Runs the sweep into the database: a partial run is begun (or the one named by --resume taken
     * up), each batch of finished runs committed as it comes, and the result read back from what is
     * recorded, so an interrupted and resumed sweep summarises exactly as an uninterrupted one.
     */
    private SweepResult streamIntoStore(
            LocalSweepEngine engine,
            SweepSpec sweep,
            String sweepText,
            String scenarioText,
            List<SweepPoint> points,
            Instant started,
            ProgressBar bar,
            String[] runId) {
        String baseSha = ResultsStore.sha256(scenarioText);
        try (ResultsStore store = record.db.open(false)) {
            Set<Long> recorded = new HashSet<>();
            if (resume != null) {
                runId[0] = resumable(store, sweepText, baseSha);
                store.sweepRuns(runId[0]).forEach(r -> recorded.add(r.ordinal(sweep.replications())));
            } else {
                RunInfo info = new RunInfo(Inputs.name(file), sweepText, started, started);
                runId[0] = store.beginSweep(
                        info, sweep, points, sweep.scenario().getFileName().toString(), baseSha);
            }
            int todo = points.size() * sweep.replications() - recorded.size();
            int stopAfter = Integer.getInteger("gigawatt.sweep.stopAfterRuns", -1);
            List<SweepRun> batch = new ArrayList<>();
            long[] flushed = {System.nanoTime()};
            int[] written = {0};
            engine.stream(
                    sweep,
                    scenarioText,
                    points,
                    recorded::contains,
                    run -> {
                        batch.add(run);
                        if (System.nanoTime() - flushed[0] >= BATCH_MILLIS * 1_000_000 || stopAfter > 0) {
                            store.appendSweepRuns(runId[0], batch);
                            written[0] += batch.size();
                            batch.clear();
                            flushed[0] = System.nanoTime();
                        }
                        if (stopAfter > 0 && written[0] >= stopAfter) {
                            // Test hook: stop as an interruption would, after this many runs are recorded.
                            throw new UserException("sweep stopped after " + written[0] + " runs", 1);
                        }
                    },
                    done -> {
                        synchronized (bar) {
                            bar.accept((double) done / todo);
                        }
                    });
            if (!batch.isEmpty()) {
                store.appendSweepRuns(runId[0], batch);
            }
            return new SweepResult(sweep, points, store.sweepRuns(runId[0]));
        } catch (StoreBusyException | StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }

    /** The id of the partial sweep --resume names, checked to be this sweep file over this scenario. */
    private String resumable(ResultsStore store, String sweepText, String baseSha) {
        RunSummary run = store.run(resume)
                .orElseThrow(() -> new UserException(
                        "--resume: no run matches '" + resume + "' in " + record.db.db, GigawattCli.EXIT_BAD_INPUT));
        if (!"sweep".equals(run.kind()) || !"partial".equals(run.status())) {
            throw new UserException(
                    "--resume: run " + run.runId() + " is a " + run.status() + " " + run.kind()
                            + ", not a partial sweep",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        if (!run.scenarioSha256().equals(ResultsStore.sha256(sweepText))) {
            throw new UserException(
                    "--resume: " + Inputs.name(file) + " is not the sweep file run " + run.runId()
                            + " was started with (its text differs)",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        if (!ResultsStore.partialSweepSummary(baseSha).equals(store.summary(run.runId())[0])) {
            throw new UserException(
                    "--resume: the scenario of " + Inputs.name(file) + " changed since run " + run.runId()
                            + " was started",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        return run.runId();
    }

    /** Every point's scenario must be valid before anything runs; problems name the point. */
    private static void validate(SweepSpec sweep, String scenarioText, List<SweepPoint> points) {
        SweepValidation.check(sweep, scenarioText, points, Catalog.builtIn());
    }

    static String table(SweepResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.spec().name())
                .append(": ")
                .append(Format.integer(r.runs().size()))
                .append(" runs (")
                .append(Format.integer(r.points().size()))
                .append(" points × ")
                .append(r.spec().replications())
                .append(" replications, ")
                .append(r.spec().mode())
                .append(", ")
                .append(r.spec().design())
                .append(")\n\n");
        TextTable t = new TextTable("output", "mean", "± 95% CI", "P10", "P50", "P90", "most sensitive to (Spearman ρ)")
                .leftAlign(6);
        for (String output : r.outputs()) {
            Summary s = r.summary(output);
            Map.Entry<String, Double> top =
                    r.sensitivity(output).entrySet().stream().findFirst().orElse(null);
            t.row(
                    output,
                    v(s.mean()),
                    v(s.ci95()),
                    v(s.p10()),
                    v(s.p50()),
                    v(s.p90()),
                    top == null || top.getValue() == 0
                            ? ""
                            : top.getKey() + " (" + Format.number(top.getValue(), 2) + ")");
        }
        out.append(t.render());
        return out.toString();
    }

    private static String v(double x) {
        return !Double.isFinite(x) ? "n/a" : Math.abs(x) >= 100 ? Format.integer(x) : Format.number(x, 4);
    }
}

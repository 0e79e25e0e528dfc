package dev.gigawatt.cli;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.YamlDocument;
import dev.gigawatt.report.Format;
import dev.gigawatt.report.SweepJson;
import dev.gigawatt.report.TextTable;
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
import java.util.List;
import java.util.Map;
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

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Summary format: table or json (default: ${DEFAULT-VALUE}).")
    SummaryFormat format;

    @Mixin
    ExportOptions export = new ExportOptions();

    @Option(names = "--no-progress", description = "Never draw the progress bar.")
    boolean noProgress;

    @Mixin
    RecordOptions record = new RecordOptions();

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
        int total = points.size() * sweep.replications();
        try (Recorder recorder = Recorder.prepare(record, null, export.export, export.force)) {
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar bar = new ProgressBar(
                    err,
                    !noProgress && !GigawattCli.quiet(spec) && ProgressBar.stderrIsTerminal(),
                    "sweeping " + sweep.name());
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            List<SweepRun> runs = new LocalSweepEngine(workers).run(sweep, scenarioText, points, done -> {
                synchronized (bar) {
                    bar.accept((double) done / total);
                }
            });
            bar.finish();
            SweepResult result = new SweepResult(sweep, points, runs);
            PrintWriter out = spec.commandLine().getOut();
            boolean json = format == SummaryFormat.json;
            out.print(json ? SweepJson.write(result) : table(result));
            out.flush();
            PrintWriter info = GigawattCli.info(spec); // data on stdout; where the run went, on stderr
            if (!record.noDb) {
                info.println();
            }
            String base = sweep.scenario().getFileName().toString();
            recorder.record(
                    file,
                    sweepText,
                    started,
                    (store, run, beforeCommit) -> store.recordSweep(run, result, base, beforeCommit),
                    info);
            info.flush();
        }
        return 0;
    }

    /** Every point's scenario must be valid before anything runs; problems name the point. */
    private static void validate(SweepSpec sweep, String scenarioText, List<SweepPoint> points) {
        SweepValidation.check(sweep, scenarioText, points, Catalog.builtIn());
    }

    private static String table(SweepResult r) {
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

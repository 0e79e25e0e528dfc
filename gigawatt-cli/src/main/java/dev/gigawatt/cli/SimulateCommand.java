package dev.gigawatt.cli;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.report.CsvResultWriter;
import dev.gigawatt.report.SimulationJson;
import dev.gigawatt.report.SimulationText;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gigawatt simulate FILE}: the discrete-event fleet simulator. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Play the scenario forward hour by hour: build-out, training jobs with failures and restarts,"
                + " diurnal inference demand, power, energy, water and carbon.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Summary format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SummaryFormat format;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory for the time series and event logs (CSV) and summary.json; must not exist."
                    + " Default: runs/<timestamp>-<scenario>/.")
    Path out;

    @Option(
            names = "--no-progress",
            description = "Never draw the progress bar (it is drawn only on a terminal anyway).")
    boolean noProgress;

    @Option(names = "--no-output", description = "Write no files, only the summary.")
    boolean noOutput;

    @Option(
            names = "--replication",
            paramLabel = "N",
            defaultValue = "0",
            description = "Replication index: with the scenario's seed it selects the random streams (default: 0).")
    long replication;

    @Option(
            names = "--scheduler",
            paramLabel = "POLICY",
            description = "Override the scenario's training scheduler: fifo, easy-backfill or priority.")
    String scheduler;

    @Mixin
    ExportOptions export = new ExportOptions();

    @picocli.CommandLine.Mixin
    RecordOptions record = new RecordOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (replication < 0) {
            throw new UserException(
                    "--replication must be a whole number >= 0, got " + replication, GigawattCli.EXIT_BAD_INPUT);
        }
        Scenario s = scenario.read();
        String policyKey = scheduler != null ? scheduler : s.simulation().scheduler();
        SchedulingPolicy policy = SchedulingPolicy.fromKey(policyKey);
        if (policy == null) {
            throw new UserException(
                    "--scheduler must be fifo, easy-backfill or priority, got '" + policyKey + "'",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        Path dir = noOutput ? null : out != null ? out : defaultDir(s.name());
        try (Recorder recorder = Recorder.prepare(record, dir, export.export, export.force)) {
            Instant started = Instant.now();
            Plan plan = new Planner(Assumptions.builtIn()).plan(s);
            PrintWriter err = spec.commandLine().getErr();
            ProgressBar bar = new ProgressBar(
                    err,
                    !noProgress && !GigawattCli.quiet(spec) && ProgressBar.stderrIsTerminal(),
                    "simulating " + s.name());
            SimulationResult result = new FleetSimulator(s, plan, new SimulationOptions(replication, policy)).run(bar);
            bar.finish();
            if (recorder.outDir() != null) {
                new CsvResultWriter().writeFiles(result, recorder.outDir());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            boolean json = format == SummaryFormat.json;
            stdout.print(json ? SimulationJson.write(result) : SimulationText.summary(result));
            stdout.flush();
            PrintWriter info = GigawattCli.info(spec); // data on stdout; where the run went, on stderr
            if (dir != null || !record.noDb) {
                info.println();
            }
            recorder.record(
                    scenario.file,
                    scenario.text,
                    started,
                    (store, run, beforeCommit) -> store.recordSimulation(run, s, result, beforeCommit),
                    info);
            info.flush();
            stdout.flush();
        }
        return 0;
    }

    private static Path defaultDir(String scenarioName) {
        String stamp = LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", stamp + "-" + scenarioName.replaceAll("[^A-Za-z0-9._-]", "_"));
    }
}

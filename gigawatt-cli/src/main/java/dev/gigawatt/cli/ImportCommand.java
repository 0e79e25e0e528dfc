package dev.gigawatt.cli;

import dev.gigawatt.results.RunInfo;
import dev.gigawatt.results.SweepBundleReader;
import dev.gigawatt.sweep.SweepBundle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gigawatt import FOLDER}: records a sweep run on Apache Spark in the results database. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Record a sweep that ran on Apache Spark in the results database, in one transaction, with"
                + " its report: FOLDER is what gigawatt-spark wrote (docs/sweeps.md). It then shows in runs,"
                + " compare, query and report like a sweep run here.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "FOLDER",
            description = "The sweep bundle: gigawatt-sweep.json, sweep.yaml, scenario/, runs/.")
    Path folder;

    @Mixin
    SweepSummaryOptions summary = new SweepSummaryOptions();

    @Mixin
    DbOptions db = new DbOptions();

    @Option(names = "--no-report", description = "Do not write the HTML report.")
    boolean noReport;

    @Mixin
    ExportOptions export = new ExportOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new UserException(
                    folder + ": no such folder (the output folder given to gigawatt-spark)",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        // Everything is read and checked before the database is touched.
        SweepBundleReader.Bundle bundle = SweepBundleReader.read(folder);
        SweepBundle.Inputs in = bundle.inputs();
        RecordOptions record = new RecordOptions();
        record.db = db;
        record.noReport = noReport;
        try (Recorder recorder = Recorder.prepare(record, null, export.export, export.force)) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary.render(bundle.result()));
            out.flush();
            PrintWriter info = GigawattCli.info(spec);
            info.println();
            info.println("Ran on " + in.manifest().engine() + ", "
                    + in.manifest().startedAt() + " to " + in.manifest().finishedAt() + ".");
            String base = in.manifest().scenarioFile();
            recorder.record(
                    Path.of(in.manifest().sweepFile()),
                    in.sweepText(),
                    in.manifest().startedAt(),
                    (store, run, beforeCommit) -> store.recordSweep(
                            new RunInfo(
                                    run.scenarioFile(),
                                    run.scenarioText(),
                                    in.manifest().startedAt(),
                                    in.manifest().finishedAt(),
                                    in.manifest().gigawattVersion()),
                            bundle.result(),
                            base,
                            beforeCommit),
                    info);
            info.flush();
        }
        return 0;
    }
}

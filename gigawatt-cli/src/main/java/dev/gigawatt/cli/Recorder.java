package dev.gigawatt.cli;

import dev.gigawatt.plan.Plan;
import dev.gigawatt.results.HtmlReport;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Records a finished run in the results database and writes its HTML report. */
final class Recorder {
    private Recorder() {}

    /** Reports of runs without an output folder go to {@code reports/} beside the database. */
    static Path reportsNextTo(Path db) {
        Path parent = db.toAbsolutePath().getParent();
        Path reports = parent.resolve("reports");
        Path cwd = Path.of("").toAbsolutePath();
        return reports.startsWith(cwd) ? cwd.relativize(reports) : reports;
    }

    /** Records {@code result}; returns the run id, or null with --no-db. */
    static String record(
            RecordOptions options,
            Path scenarioFile,
            Instant started,
            Scenario scenario,
            SimulationResult result,
            Plan plan,
            Path reportDir,
            PrintWriter info)
            throws IOException {
        if (options.noDb) {
            return null;
        }
        RunInfo runInfo = new RunInfo(scenarioFile.toString(), Files.readString(scenarioFile), started, Instant.now());
        try (ResultsStore store = options.db.open(false)) {
            String id = result != null
                    ? store.recordSimulation(runInfo, scenario, result)
                    : store.recordPlan(runInfo, scenario, plan);
            info.println("Run " + id + " recorded in " + options.db.db);
            if (!options.noReport) {
                Path report = reportDir != null
                        ? reportDir.resolve("report.html")
                        : reportsNextTo(options.db.db).resolve(id + ".html");
                HtmlReport.write(store, id, report);
                info.println("Report: " + report);
            }
            return id;
        } catch (StoreBusyException | StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }
}

package dev.gigawatt.cli;

import dev.gigawatt.results.HtmlReport;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
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

    /** Writes one run into an open store and returns its id. */
    @FunctionalInterface
    interface Write {
        String into(ResultsStore store, RunInfo info);
    }

    /**
     * Records a run with {@code write}, then writes its report and, with {@code export}, its Parquet
     * files, all with one open store; returns the run id, or null with --no-db.
     *
     * @param inputFile the scenario or sweep file, recorded with its text
     * @param reportDir the run's output folder for {@code report.html}, or null for reports/ beside the database
     */
    static String record(
            RecordOptions options,
            Path inputFile,
            Instant started,
            Write write,
            Path reportDir,
            Path export,
            PrintWriter info)
            throws IOException {
        if (options.noDb) {
            if (export != null) {
                throw new UserException(
                        "--export needs the results database; drop --no-db", GigawattCli.EXIT_BAD_INPUT);
            }
            return null;
        }
        RunInfo runInfo = new RunInfo(inputFile.toString(), Files.readString(inputFile), started, Instant.now());
        try (ResultsStore store = options.db.open(false)) {
            String id = write.into(store, runInfo);
            info.println("Run " + id + " recorded in " + options.db.db);
            if (export != null) {
                store.exportParquet(id, export);
                info.println("Parquet: " + export);
            }
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

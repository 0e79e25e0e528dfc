package dev.gigawatt.cli;

import dev.gigawatt.results.HtmlReport;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where a run's results go, checked before anything is computed and written all-or-nothing: the
 * output folder, the report and the Parquet export are staged under temporary names, the run is
 * recorded in the results database, and only after its commit does everything move into place.
 * A run that fails or is interrupted leaves nothing in any final location.
 */
final class Recorder implements AutoCloseable {
    private final RecordOptions options;
    private final Staging staging = new Staging();
    private final Path outDir;
    private final Path stagedOutDir;
    private final Path stagedReport;
    private final Path reportTarget;
    private final Path export;
    private final Path stagedExport;

    private Recorder(RecordOptions options, Path outDir, Path export, boolean force) {
        this.options = options;
        this.outDir = outDir;
        this.export = export;
        boolean ok = false;
        try {
            if (!options.noDb) {
                // The database must open for writing (and get its lock) now, not after an hour of simulating.
                options.db.open(false).close();
            }
            stagedOutDir = outDir == null ? null : staging.folder(outDir);
            boolean report = !options.noDb && !options.noReport;
            if (report && stagedOutDir != null) {
                reportTarget = outDir.resolve("report.html");
                stagedReport = stagedOutDir.resolve("report.html");
            } else {
                reportTarget = null;
                stagedReport = report ? staging.fileNamedLater(reportsNextTo(options.db.db)) : null;
            }
            stagedExport = export == null
                    ? null
                    : staging.filesInto(export, ResultsStore.exportFileNames(), force, "--export");
            ok = true;
        } finally {
            if (!ok) {
                staging.close();
            }
        }
    }

    /**
     * Checks and stages every target of a run before it is computed.
     *
     * @param outDir the run's output folder (must not exist; gets report.html), or null for none
     * @param export the folder for the Parquet export, or null for none
     * @param force replace existing export files
     * @throws UserException (exit 2) when a target exists or cannot be written, or --export is given with --no-db
     */
    static Recorder prepare(RecordOptions options, Path outDir, Path export, boolean force) {
        if (options.noDb && export != null) {
            throw new UserException("--export needs the results database; drop --no-db", GigawattCli.EXIT_BAD_INPUT);
        }
        return new Recorder(options, outDir, export, force);
    }

    /** The temporary folder to write the run's output files into, or null when it has none. */
    Path outDir() {
        return stagedOutDir;
    }

    /** Reports of runs without an output folder go to {@code reports/} beside the database. */
    static Path reportsNextTo(Path db) {
        Path parent = db.toAbsolutePath().getParent();
        Path reports = parent.resolve("reports");
        Path cwd = Path.of("").toAbsolutePath();
        return reports.startsWith(cwd) ? cwd.relativize(reports) : reports;
    }

    /** Writes one run into an open store, doing {@code beforeCommit} inside its transaction, and returns its id. */
    @FunctionalInterface
    interface Write {
        String into(ResultsStore store, RunInfo info, ResultsStore.BeforeCommit beforeCommit);
    }

    /**
     * Records the run with {@code write}, writing its report and export inside the transaction, then
     * moves every output into place and says where they are; returns the run id, or null with --no-db.
     *
     * @param inputFile the scenario or sweep file, recorded with {@code inputText}, the text that was read
     */
    String record(Path inputFile, String inputText, Instant started, Write write, PrintWriter info) {
        if (options.noDb) {
            staging.commit();
            printOutDir(info);
            return null;
        }
        RunInfo runInfo = new RunInfo(Inputs.name(inputFile), inputText, started, Instant.now());
        String id;
        Path report = reportTarget;
        try (ResultsStore store = options.db.open(false)) {
            Path[] named = {reportTarget};
            id = write.into(store, runInfo, runId -> {
                if (stagedExport != null) {
                    store.exportParquet(runId, stagedExport);
                }
                if (stagedReport != null) {
                    Files.writeString(stagedReport, HtmlReport.render(store, runId), StandardCharsets.UTF_8);
                    if (named[0] == null) {
                        named[0] = reportsNextTo(options.db.db).resolve(runId + ".html");
                        staging.retarget(stagedReport, named[0]);
                    }
                }
            });
            report = named[0];
        } catch (StoreBusyException | StoreException e) {
            throw new UserException(e.getMessage(), 1);
        } catch (UncheckedIOException e) {
            throw new UserException("cannot write the run's outputs: " + Staging.describe(e.getCause()), 1);
        }
        staging.commit();
        printOutDir(info);
        info.println("Run " + id + " recorded in " + options.db.db);
        if (export != null) {
            info.println("Parquet: " + export);
        }
        if (report != null) {
            info.println("Report: " + report);
        }
        return id;
    }

    private void printOutDir(PrintWriter info) {
        if (outDir != null) {
            info.println("Time series and event logs: " + outDir);
        }
    }

    /** Deletes whatever was staged and not moved into place. */
    @Override
    public void close() {
        staging.close();
    }
}

package dev.gigawatt.cli;

import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the results database is: {@code --db PATH}. */
final class DbOptions {
    @Option(names = "--db", paramLabel = "PATH", description = "Results database (default: runs/gigawatt.duckdb).")
    Path db = ResultsStore.DEFAULT_PATH;

    /** Opens the store, turning a busy or broken database into a one-line error. */
    ResultsStore open(boolean readOnly) {
        try {
            return ResultsStore.open(db, readOnly);
        } catch (StoreBusyException | StoreException e) {
            throw new UserException(e.getMessage(), 1);
        }
    }
}

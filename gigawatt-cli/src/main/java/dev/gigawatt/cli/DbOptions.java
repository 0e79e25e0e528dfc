package dev.gigawatt.cli;

import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Where the results database is: {@code --db PATH}. */
final class DbOptions {
    @Option(names = "--db", paramLabel = "PATH", description = "Results database (default: runs/gigawatt.duckdb).")
    Path db = ResultsStore.DEFAULT_PATH;

    /** Opens the store, turning a busy, broken or (read-only) missing database into a one-line error. */
    ResultsStore open(boolean readOnly) {
        return opened(readOnly, () -> ResultsStore.open(db, readOnly));
    }

    /** Opens the store for untrusted SQL ({@link ResultsStore#openForQuery}), with the same errors. */
    ResultsStore openForQuery() {
        return opened(true, () -> ResultsStore.openForQuery(db));
    }

    /** Reading a database that does not exist is bad input (exit 2); a busy or broken one a failure (exit 1). */
    private ResultsStore opened(boolean readOnly, Supplier<ResultsStore> opener) {
        try {
            return opener.get();
        } catch (StoreBusyException | StoreException e) {
            boolean missing = readOnly && !Files.exists(db);
            throw new UserException(e.getMessage(), missing ? GigawattCli.EXIT_BAD_INPUT : 1);
        }
    }
}

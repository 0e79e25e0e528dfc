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

    /** Opens the store, turning a busy or broken database into a one-line error. */
    ResultsStore open(boolean readOnly) {
        return opened(() -> ResultsStore.open(db, readOnly));
    }

    /** Opens the store for untrusted SQL ({@link ResultsStore#openForQuery}), with the same errors. */
    ResultsStore openForQuery() {
        return opened(() -> ResultsStore.openForQuery(db));
    }

    /** A missing database is bad input (exit 2); a busy or broken one a failure (exit 1). */
    private ResultsStore opened(Supplier<ResultsStore> opener) {
        try {
            return opener.get();
        } catch (StoreBusyException | StoreException e) {
            throw new UserException(e.getMessage(), Files.exists(db) ? 1 : GigawattCli.EXIT_BAD_INPUT);
        }
    }
}

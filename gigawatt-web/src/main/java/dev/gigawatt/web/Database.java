package dev.gigawatt.web;

import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.StoreBusyException;
import dev.gigawatt.results.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The results database as the server uses it: opened for each piece of work and closed after it, as
 * the CLI does, so that {@code gigawatt simulate} in a terminal can record runs while the server is
 * up. One piece of work at a time within the server (DuckDB allows one writing process, and one
 * process should not hold the file twice); another process's lock is reported as 503 with the
 * store's own message.
 */
final class Database {
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock(true);

    Database(Path file) {
        this.file = file;
    }

    /** The database file. */
    Path file() {
        return file;
    }

    /** True when the file exists (nothing has been recorded otherwise). */
    boolean exists() {
        return Files.exists(file);
    }

    /** Runs {@code work} on the store opened read-only. */
    <T> T read(Function<ResultsStore, T> work) {
        return with(() -> ResultsStore.open(file, true), work);
    }

    /** Runs {@code work} on the store opened for writing (created and migrated when needed). */
    <T> T write(Function<ResultsStore, T> work) {
        return with(() -> ResultsStore.open(file, false), work);
    }

    /** Runs {@code work} on the store opened for untrusted SQL: read-only, no other files, settings locked. */
    <T> T query(Function<ResultsStore, T> work) {
        return with(() -> ResultsStore.openForQuery(file), work);
    }

    private <T> T with(Supplier<ResultsStore> opener, Function<ResultsStore, T> work) {
        lock.lock();
        try (ResultsStore store = open(opener)) {
            return work.apply(store);
        } finally {
            lock.unlock();
        }
    }

    private static ResultsStore open(Supplier<ResultsStore> opener) {
        try {
            return opener.get();
        } catch (StoreBusyException e) {
            throw new ApiException(503, e.getMessage());
        } catch (StoreException e) {
            throw new ApiException(500, e.getMessage());
        }
    }
}

package dev.gigawatt.results;

/** Another process holds the results database for writing; nothing was written. */
public final class StoreBusyException extends RuntimeException {
    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}

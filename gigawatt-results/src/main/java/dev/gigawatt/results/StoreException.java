package dev.gigawatt.results;

/** The results database could not be read or written; the message says why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.gigawatt.cli;

/** An error the user can fix, reported as one line without a stack trace. */
final class UserException extends RuntimeException {
    private final int exitCode;

    UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}

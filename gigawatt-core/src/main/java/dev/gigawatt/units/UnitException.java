package dev.gigawatt.units;

/** Thrown when a quantity string cannot be read; the message says what was expected and what was found. */
public final class UnitException extends IllegalArgumentException {
    public UnitException(String message) {
        super(message);
    }
}

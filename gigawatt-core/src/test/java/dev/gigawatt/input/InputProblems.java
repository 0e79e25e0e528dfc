package dev.gigawatt.input;

import java.util.List;

/** What a test expects bad input to give: the problems of the {@link InputException} it throws. */
public final class InputProblems {
    private InputProblems() {}

    /** The problems of the InputException that {@code action} throws; fails when it throws nothing. */
    public static List<Problem> of(Runnable action) {
        try {
            action.run();
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected an InputException");
    }
}

package dev.gigawatt.input;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an input file has one or more problems; carries all of them, in file order. */
public final class InputException extends RuntimeException {
    private final String fileName;
    private final List<Problem> problems;

    public InputException(String fileName, List<Problem> problems) {
        super(render(fileName, problems));
        this.fileName = fileName;
        this.problems = List.copyOf(problems);
    }

    /** The file the problems are in, as the user named it. */
    public String fileName() {
        return fileName;
    }

    /** Every problem found, in the order they appear in the file. */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(String fileName, List<Problem> problems) {
        return problems.stream().map(p -> p.render(fileName)).collect(Collectors.joining(System.lineSeparator()));
    }
}

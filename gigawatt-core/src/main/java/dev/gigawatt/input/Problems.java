package dev.gigawatt.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found while reading one input file, so that all of them are reported at once. */
public final class Problems {
    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String fileName) {
        this.fileName = fileName;
    }

    /** The file being read, as the user named it. */
    public String fileName() {
        return fileName;
    }

    /** Records a problem at {@code path} on {@code line}. */
    public void add(String path, int line, String message) {
        problems.add(new Problem(path, line, message));
    }

    /** True when nothing is wrong so far. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems so far, sorted by line (stable for problems on the same line). */
    public List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line));
        return List.copyOf(sorted);
    }

    /** Throws an {@link InputException} carrying every problem if there is at least one. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InputException(fileName, list());
        }
    }
}

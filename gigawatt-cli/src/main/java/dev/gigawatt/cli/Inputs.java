package dev.gigawatt.cli;

import dev.gigawatt.input.YamlDocument;
import java.nio.file.Path;

/** Input files as the commands name them: a path, or {@code -} for standard input. */
final class Inputs {
    /** How standard input is named in messages and in the results database. */
    static final String STDIN = "<stdin>";

    private Inputs() {}

    /** True when {@code file} is {@code -}. */
    static boolean isStdin(Path file) {
        return file.toString().equals("-");
    }

    /** The name of {@code file} in messages: its path, or {@code <stdin>}. */
    static String name(Path file) {
        return isStdin(file) ? STDIN : file.toString();
    }

    /** Reads the whole input once, bounded as every input file is. */
    static String read(Path file) {
        return isStdin(file) ? YamlDocument.readText(System.in, STDIN) : YamlDocument.readText(file, file.toString());
    }
}

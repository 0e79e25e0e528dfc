package dev.gigawatt.input;

/**
 * One thing wrong with an input file: where it is (a path such as {@code sites[1].capacity} and
 * a 1-based line, 0 when unknown) and what is wrong with it. Control characters in either are
 * written as Unicode escapes, so that a message never carries a terminal escape sequence.
 */
public record Problem(String path, int line, String message) {
    /** Escapes control characters in the path and message, so that rendering them is always safe. */
    public Problem {
        path = Text.escape(path);
        message = Text.escape(message);
    }

    /** Renders the problem as {@code FILE:LINE: PATH: MESSAGE}, leaving out the parts that are unknown. */
    public String render(String fileName) {
        StringBuilder out = new StringBuilder();
        if (fileName != null && !fileName.isEmpty()) {
            out.append(fileName).append(':');
            if (line > 0) {
                out.append(line).append(':');
            }
            out.append(' ');
        } else if (line > 0) {
            out.append("line ").append(line).append(": ");
        }
        if (!path.isEmpty()) {
            out.append(path).append(": ");
        }
        return out.append(message).toString();
    }
}

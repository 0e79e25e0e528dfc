package dev.gigawatt.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that shows control characters as {@code \x1B}-style text instead of passing them to the
 * terminal, so a name holding an escape sequence cannot recolour, retitle or rewrite the user's
 * terminal. Line breaks, carriage returns (the progress bar) and tabs pass through.
 */
final class PrintableWriter extends FilterWriter {
    PrintableWriter(Writer out) {
        super(out);
    }

    /** True for the C0 and C1 control characters and DEL, except line break, carriage return and tab. */
    static boolean isControl(int c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c < 0xa0);
    }

    @Override
    public void write(int c) throws IOException {
        if (isControl(c)) {
            out.write(String.format("\\x%02X", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (isControl(buffer[i])) {
                out.write(buffer, start, i - start);
                write(buffer[i]);
                start = i + 1;
            }
        }
        out.write(buffer, start, end - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
